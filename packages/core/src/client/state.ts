import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals-core';
import type { Capabilities } from '../adapter/capabilities.js';
import type { Availability } from '../schemas/availability.js';
import type { ConnectionStatus } from '../schemas/realtime.js';
import type { HelplineState, IdentityState, Prefill, ViewState } from './types.js';

/** The writable signals behind HelplineState; only the client writes them, the outside gets read-only views. */
export interface WritableState {
  ready: Signal<boolean>;
  isOpen: Signal<boolean>;
  view: Signal<ViewState>;
  unreadCount: Signal<number>;
  status: Signal<ConnectionStatus>;
  availability: Signal<Availability | undefined>;
  identity: Signal<IdentityState>;
  capabilities: Signal<Capabilities>;
  locale: Signal<string>;
  prefilled: Signal<Prefill>;
}

export const HOME: ViewState = { name: 'home' };
export const ANONYMOUS: IdentityState = { visitorId: undefined, user: undefined, account: undefined, verified: false };

export function createState(capabilities: Capabilities, locale: string, identity: IdentityState): WritableState {
  return {
    ready: signal(false),
    isOpen: signal(false),
    view: signal<ViewState>(HOME),
    unreadCount: signal(0),
    status: signal<ConnectionStatus>('idle'),
    availability: signal<Availability | undefined>(undefined),
    identity: signal(identity),
    capabilities: signal(capabilities),
    locale: signal(locale),
    prefilled: signal<Prefill>({}),
  };
}

/** Read-only views: a computed has no `value` setter, so the host cannot write our state. */
export function readonlyState(state: WritableState): HelplineState {
  return {
    ready: readonly(state.ready),
    isOpen: readonly(state.isOpen),
    view: readonly(state.view),
    unreadCount: readonly(state.unreadCount),
    status: readonly(state.status),
    availability: readonly(state.availability),
    identity: readonly(state.identity),
    capabilities: readonly(state.capabilities),
    locale: readonly(state.locale),
  };
}

export function readonly<T>(source: Signal<T>): ReadonlySignal<T> {
  return computed(() => source.value);
}
