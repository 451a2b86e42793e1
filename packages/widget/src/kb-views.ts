// Search and article reading share one chunk: a search usually ends in an article.
export { ArticleView } from './article/ArticleView.js';
export { SearchView } from './search/SearchView.js';
