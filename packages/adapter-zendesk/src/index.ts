export { createZendeskAdapter } from './adapter.js';
export {
  type ZendeskAdapterDeps,
  ZendeskAdapterOptions,
  type ZendeskAdapterOptionsInput,
  ZendeskTicketField,
} from './options.js';
