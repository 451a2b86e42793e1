import article from './article.js';
import common from './common.js';
import home from './home.js';
import search from './search.js';

// Chat and ticket strings load with their views (with-conversation-strings.tsx).
const messages: Readonly<Record<string, string>> = { ...common, ...home, ...search, ...article };
export default messages;
