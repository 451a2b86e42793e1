import article from './article.js';
import search from './search.js';

/** The search and article views' strings: they load with those views. */
export default { ...search, ...article } as Readonly<Record<string, string>>;
