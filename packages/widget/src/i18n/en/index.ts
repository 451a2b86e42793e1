import common from './common.js';
import home from './home.js';

// What the first open shows. Search and article strings load with their views (en/kb.ts), chat and
// ticket strings with theirs (en/conversation.ts), through i18n/with-strings.tsx.
const messages: Readonly<Record<string, string>> = { ...common, ...home };
export default messages;
