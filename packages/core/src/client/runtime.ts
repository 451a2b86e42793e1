import type { ReadonlySignal } from '@preact/signals-core';
import type { Capabilities, Capability } from '../adapter/capabilities.js';
import type { SupportAdapter } from '../adapter/contract.js';
import type { Emitter } from '../events/emitter.js';
import type { SelfServiceLog } from '../kb/self-service.js';
import type { HelplineOptions } from '../options/schema.js';
import type { Timers } from '../outbox/timers.js';
import type { AnalyticsEvent } from '../schemas/analytics.js';
import type { ContextSnapshot, LivePage } from '../schemas/context.js';
import type { KeyValueStore } from '../storage/types.js';
import type { Report } from './command.js';
import type { HelplineEvents, ViewState } from './types.js';

/** What the feature modules (kb, chat, tickets, attachments) share; internal to core. */
export interface Runtime {
  readonly options: HelplineOptions;
  readonly adapter: SupportAdapter;
  readonly capabilities: ReadonlySignal<Capabilities>;
  readonly isOpen: ReadonlySignal<boolean>;
  readonly view: ReadonlySignal<ViewState>;
  readonly locale: ReadonlySignal<string>;
  /** Storage gated by "no storage before interaction". */
  readonly store: KeyValueStore;
  readonly timers: Timers;
  readonly events: Pick<Emitter<HelplineEvents>, 'emit'>;
  readonly selfService: SelfServiceLog;
  report: Report;
  now(): Date;
  /** Throws UnsupportedError when the effective capabilities lack `capability`. */
  require(capability: Capability): void;
  /** Marks an interaction, then connects once (making the visitor id if needed). */
  connected(): Promise<void>;
  /** Throws `shut_down` once the client has been shut down. */
  alive(): void;
  /** Marks an interaction and waits for boot, without connecting: writes go to the outbox even offline. */
  interaction(): Promise<void>;
  isConnected(): boolean;
  /** Context for a request: full (redacted) snapshot, or only who the user is when diagnostics are off. */
  snapshot(includeContext: boolean): ContextSnapshot;
  currentPath(): string;
  /** Text the user typed, masked as it may leave the page or reach storage. */
  redact(text: string): string;
  /** The page the visitor is on now (redacted path and title), and each route change after. */
  page(): LivePage;
  onRouteChange(listener: () => void): () => void;
  analytics(event: AnalyticsEvent): void;
  /**
   * How many times the visitor has been forgotten (logout, another user signing in): an answer to a
   * call made under an earlier count belongs to the previous visitor and is dropped.
   */
  visit(): number;
}
