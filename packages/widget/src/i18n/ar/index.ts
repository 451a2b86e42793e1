import article from './article.js';
import chat from './chat.js';
import common from './common.js';
import home from './home.js';
import preview from './preview.js';
import search from './search.js';
import ticket from './ticket.js';

const messages: Readonly<Record<string, string>> = {
  ...common,
  ...home,
  ...search,
  ...article,
  ...chat,
  ...ticket,
  ...preview,
};
export default messages;
