import type { ContextSnapshot, SupportAdapter, TicketStatus } from '@helpline/core';

type MaybePromise<T> = T | Promise<T>;

/** How the next backend call should fail, for the error-mapping checks. */
export type AgentFault = 'network' | 'malformed' | 401 | 429 | 500;

/**
 * The support team's side of the backend under test: the conformance suite plays an agent through
 * it (replying, resolving) to check what the widget side receives.
 */
export interface AgentDriver {
  reply(conversationId: string, body: string): MaybePromise<unknown>;
  resolve(conversationId: string): MaybePromise<unknown>;
  /** Required when the adapter declares `typing`. */
  typing?(conversationId: string, on: boolean): MaybePromise<unknown>;
  setTicketStatus?(ticketId: string, status: TicketStatus): MaybePromise<unknown>;
  /** An agent's reply to a ticket; required when the adapter declares `ticketRead`. */
  replyToTicket?(ticketId: string, body: string): MaybePromise<unknown>;
  /** Makes the next adapter call fail as `kind`; required for the error-mapping checks. */
  failNext?(kind: AgentFault): MaybePromise<unknown>;
  /** The context snapshot the backend stored with a conversation or ticket. */
  lastContext?(conversationOrTicketId: string): MaybePromise<ContextSnapshot | undefined>;
  /** Where the conversation's visitor last said they are; required when the adapter declares `livePage`. */
  visitorPage?(conversationId: string): MaybePromise<{ path: string; title: string } | undefined>;
  /**
   * The email the visitor of a conversation or ticket gave (setContact), as agents see it; required when
   * the adapter declares `contact`.
   */
  visitorContact?(conversationOrTicketId: string): MaybePromise<{ email: string } | undefined>;
}

export interface ConformanceFixture {
  adapter: SupportAdapter;
  agent: AgentDriver;
  cleanup?: () => Promise<void>;
}

export interface ConformanceSuite {
  /** Shown in every test name, e.g. "memory". */
  name: string;
  /**
   * A fresh adapter over a backend seeded with `conformanceArticles`, whose agent never replies on
   * its own. Called once per group of checks.
   */
  setup: () => Promise<ConformanceFixture>;
}
