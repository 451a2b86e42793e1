export type { ReadonlySignal } from '@preact/signals-core';
export * from './adapter/capabilities.js';
export type * from './adapter/contract.js';
export { type FetchJsonOptions, fetchJson, retryAfterSeconds } from './adapter/fetch-json.js';
export { checkUpload } from './attachments/check-upload.js';
export { mimeTypeAllowed } from './attachments/mime-type.js';
export { NEW_CHAT } from './chat/new-chat.js';
export { HOST_COMMANDS, type HostCommandName } from './client/command-names.js';
export { type ClientDeps, createClient } from './client/create-client.js';
export type * from './client/types.js';
export { createDispatcher, type DispatcherDeps, type HelplineFunction } from './commands/dispatcher.js';
export { installGlobal, type QueuedCall } from './commands/install-global.js';
export {
  type ContextCapture,
  type ContextCaptureOptions,
  createContextCapture,
  type SnapshotExtras,
} from './context/capture.js';
export {
  type EarlyRecord,
  type EarlyToggles,
  startEarlyCapture,
  takeEarlyCapture,
} from './context/early-capture.js';
export * from './errors/adapter-error.js';
export * from './errors/helpline-error.js';
export * from './errors/unsupported-error.js';
export * from './errors/validation-error.js';
export { createEmitter, type Emitter, type Listener } from './events/emitter.js';
export { compileRoutePattern, type RoutePattern } from './kb/route-pattern.js';
export { type ParseOptionsResult, parseOptions } from './options/parse-options.js';
export * from './options/schema.js';
export { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay } from './outbox/backoff.js';
export { SIGNED_OUT } from './outbox/signed-out.js';
export type { Timers } from './outbox/timers.js';
export { redactSnapshot } from './privacy/redact-snapshot.js';
export { redactStrings } from './privacy/redact-strings.js';
export { redactText } from './privacy/redact-text.js';
export { redactUrl } from './privacy/redact-url.js';
export { redactValue } from './privacy/redact-value.js';
export { BUILT_IN_PARAMS, type RedactionRules, redactionRules } from './privacy/rules.js';
export * from './schemas/analytics.js';
export * from './schemas/answer.js';
export * from './schemas/article.js';
export * from './schemas/attachment.js';
export * from './schemas/availability.js';
export * from './schemas/common.js';
export * from './schemas/contact.js';
export * from './schemas/context.js';
export * from './schemas/conversation.js';
export * from './schemas/identity.js';
export * from './schemas/people.js';
export * from './schemas/realtime.js';
export * from './schemas/ticket.js';
export { addBusinessMinutes } from './sla/add-business-minutes.js';
export { isWithinBusinessHours, nextOpening } from './sla/business-hours.js';
export { type FirstResponseOptions, firstResponseDue } from './sla/first-response-due.js';
export type { BusinessHoursInput } from './sla/open-intervals.js';
export { createGatedStore } from './storage/gated-store.js';
export { createIdbStore, type IdbStoreDeps } from './storage/idb-store.js';
export { createMemoryStore } from './storage/memory-store.js';
export { newId } from './storage/new-id.js';
export type { KeyValueStore } from './storage/types.js';
export { customFieldProblem, isBlankField, validateTicketFields } from './tickets/validate-fields.js';
export * from './validation/format-issues.js';
export * from './validation/parse.js';
