import * as z from 'zod/mini';
import type { Capability } from '../adapter/capabilities.js';
import { NEW_CHAT } from '../chat/new-chat.js';
import type { ContextCapture } from '../context/capture.js';
import type { Emitter } from '../events/emitter.js';
import type { Connection } from '../identity/connection.js';
import { writeStoredIdentity } from '../identity/stored-identity.js';
import type { Visitor } from '../identity/visitor.js';
import type { HelpRegistry } from '../kb/help-registry.js';
import type { Kb } from '../kb/kb.js';
import type { HelplineOptions } from '../options/schema.js';
import { CustomFields, Id, MAX_TEXT_LENGTH } from '../schemas/common.js';
import { Verification } from '../schemas/identity.js';
import type { KeyValueStore } from '../storage/types.js';
import {
  helpEntryArg,
  identifiedUser,
  pastTime,
  prefillArg,
  routePatternArg,
  searchQuery,
  trackName,
  updateArg,
  viewArg,
} from './arg-schemas.js';
import { command } from './command.js';
import type { HostCommandName } from './command-names.js';
import type { Runtime } from './runtime.js';
import { HOME, type WritableState } from './state.js';
import type { ChatApi, HelplineClient, HelplineEvents, ViewState } from './types.js';

export interface HostContext {
  rt: Runtime;
  state: WritableState;
  kb: Kb;
  help: HelpRegistry;
  capture: ContextCapture;
  emitter: Emitter<HelplineEvents>;
  visitor: Visitor;
  connection: Connection;
  store: KeyValueStore;
  /** Where `newMessage` puts its text: the new chat's draft, which the composer shows. */
  chat: Pick<ChatApi, 'setDraft'>;
  /** Context the host sets with `update`, attached to every snapshot. */
  extras: { custom: CustomFields; app: HelplineOptions['app'] };
  started(): Promise<void>;
  markInteraction(): void;
  /** Forgets the visitor; `keepPanel` leaves the panel as it is (logout closed it when it was called). */
  wipe(keepPanel?: boolean): Promise<void>;
}

export type HostCommands = Pick<HelplineClient, HostCommandName | 'help'>;

const VIEW_NEEDS: Partial<Record<ViewState['name'], Capability>> = {
  search: 'kb',
  article: 'kb',
  chat: 'chat',
  conversations: 'chat',
  ticket: 'tickets',
  tickets: 'ticketList',
  ticketThread: 'ticketList',
};

const none = () => z.object({});

/** The commands a host page calls (both spellings); each validates its arguments first. */
export function createHostCommands(ctx: HostContext): HostCommands {
  const { rt, state, kb, emitter, visitor, connection } = ctx;
  const report = rt.report;
  // After shutdown a command rejects with shut_down (reported as any failure) and changes nothing.
  const cmd = <S extends z.ZodMiniType, R>(
    name: string,
    argNames: readonly string[],
    schema: () => S,
    run: (args: z.infer<S>) => Promise<R> | R,
  ) =>
    command(report, name, argNames, schema, (args: z.infer<S>) => {
      rt.alive();
      return run(args);
    });
  const refreshQuietly = () => {
    if (connection.isConnected() && state.capabilities.value.kb) kb.refreshSuggestions().catch(() => {});
  };

  // Every visit that opens the panel calls open, so its schema is built with the client: for a returning
  // visitor, whose widget boots at idle, that is before the click.
  const openArgs = z.object({ view: z.optional(viewArg()) });
  const open = cmd(
    'open',
    ['view'],
    () => openArgs,
    ({ view }) => {
      const next: ViewState = view === undefined ? state.view.value : typeof view === 'string' ? { name: view } : view;
      const needs = VIEW_NEEDS[next.name];
      if (needs !== undefined) rt.require(needs);
      ctx.markInteraction();
      const wasOpen = state.isOpen.value;
      state.view.value = next;
      state.isOpen.value = true;
      if (!wasOpen) {
        emitter.emit('open', { view: next });
        rt.analytics({ type: 'help_opened', path: rt.currentPath() });
      }
      // Opening must feel instant: connect and fetch suggestions behind it.
      rt.connected()
        .then(() => (state.capabilities.value.kb && next.name === 'home' ? kb.refreshSuggestions() : undefined))
        .catch((error: unknown) => report(error, 'open'));
    },
  );

  const close = cmd('close', [], none, () => {
    if (!state.isOpen.value) return;
    state.isOpen.value = false;
    emitter.emit('close', {});
  });

  return {
    open,
    close,
    toggle: cmd('toggle', [], none, () => (state.isOpen.value ? close() : open())),

    identify: cmd(
      'identify',
      ['user', 'verification'],
      () => z.object({ user: identifiedUser(), verification: z.optional(Verification) }),
      async ({ user, verification }) => {
        await ctx.started();
        // Someone else signed in on this browser: nothing of the previous user may reach them.
        if (visitor.stored?.userId !== undefined && visitor.stored.userId !== user.id) await ctx.wipe();
        ctx.markInteraction();
        visitor.verification = verification;
        state.identity.value = { ...state.identity.value, user, verified: false };
        if (visitor.stored !== undefined) {
          visitor.stored = { ...visitor.stored, userId: user.id };
          await writeStoredIdentity(ctx.store, visitor.stored);
        }
        await connection.disconnect();
        await rt.connected();
      },
    ),

    update: cmd(
      'update',
      ['context'],
      () => z.object({ context: updateArg() }),
      ({ context }) => {
        // Replace, never merge: after an org switch no field of the previous account may linger.
        if ('account' in context) state.identity.value = { ...state.identity.value, account: context.account };
        if ('user' in context) state.identity.value = { ...state.identity.value, user: context.user };
        if (context.custom !== undefined) ctx.extras.custom = context.custom;
        if (context.app !== undefined) ctx.extras.app = context.app;
      },
    ),

    logout: cmd('logout', [], none, async () => {
      // The panel closes now, not once boot and the wipe are done: a command after logout (an `open`
      // queued behind it before the widget loaded) acts on what follows the logout, not before it.
      state.isOpen.value = false;
      state.view.value = HOME;
      await ctx.started();
      await ctx.wipe(true);
    }),

    search: cmd(
      'search',
      ['query'],
      () => z.object({ query: searchQuery() }),
      async ({ query }) => {
        await open({ name: 'search', query });
        await kb.search(query);
      },
    ),

    article: cmd(
      'article',
      ['id'],
      () => z.object({ id: Id }),
      ({ id }) => open({ name: 'article', articleId: id }),
    ),

    suggest: cmd(
      'suggest',
      ['articleIds'],
      () => z.object({ articleIds: z.optional(z.array(Id)) }),
      async ({ articleIds }) => {
        await kb.refreshSuggestions(articleIds);
      },
    ),

    newMessage: cmd(
      'newMessage',
      ['text'],
      () => z.object({ text: z.optional(z.string().check(z.maxLength(MAX_TEXT_LENGTH))) }),
      async ({ text }) => {
        rt.require('chat');
        // The composer's draft, not hl.prefilled: a text sent in the chat must not reappear in a ticket.
        if (text !== undefined) ctx.chat.setDraft(NEW_CHAT, text);
        await open({ name: 'chat' });
      },
    ),

    newTicket: cmd(
      'newTicket',
      ['prefill'],
      () => z.object({ prefill: z.optional(prefillArg()) }),
      async ({ prefill }) => {
        rt.require('tickets');
        if (prefill !== undefined) state.prefilled.value = { ...state.prefilled.value, ...prefill };
        await open({ name: 'ticket' });
      },
    ),

    prefill: cmd(
      'prefill',
      ['fields'],
      () => z.object({ fields: prefillArg() }),
      ({ fields }) => {
        state.prefilled.value = { ...state.prefilled.value, ...fields };
      },
    ),

    track: cmd(
      'track',
      ['name', 'data', 'at'],
      () => z.object({ name: trackName(), data: z.optional(CustomFields), at: z.optional(pastTime()) }),
      ({ name, data, at }) => {
        const when = (at === undefined ? rt.now() : new Date(at)).toISOString();
        ctx.capture.addBreadcrumb({ type: 'event', name, at: when, ...(data ? { data } : {}) });
      },
    ),

    help: {
      register: cmd(
        'help.register',
        ['pattern', 'entry'],
        () => z.object({ pattern: routePatternArg(), entry: helpEntryArg() }),
        ({ pattern, entry }) => {
          ctx.help.register(pattern, entry);
          refreshQuietly();
        },
      ),
      unregister: cmd(
        'help.unregister',
        ['pattern'],
        () => z.object({ pattern: routePatternArg() }),
        ({ pattern }) => {
          ctx.help.unregister(pattern);
          refreshQuietly();
        },
      ),
    },
  };
}
