import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import * as z from 'zod/mini';
import type { Runtime } from '../client/runtime.js';
import { Contact } from '../schemas/contact.js';
import { parseWith } from '../validation/parse.js';

const PREFIX = 'contact';

/** What this browser remembers about asking whom the page names: what they gave, or that they said no. */
const Remembered = z.object({ given: z.optional(Contact), dismissed: z.optional(z.boolean()) });
type Remembered = z.infer<typeof Remembered>;

export interface ContactModule {
  /** What the visitor gave on this browser, for whom the page names now. */
  given: ReadonlySignal<Contact | undefined>;
  /** Ask for it: the backend takes it, the host named no email, and it was neither given nor put away. */
  asks: ReadonlySignal<boolean>;
  set(contact: Contact): Promise<Contact>;
  /** The visitor put the prompt away: it does not come back for them on this browser. */
  dismiss(): void;
  load(): Promise<void>;
  reset(): void;
}

/**
 * The email a visitor the host has not named leaves for replies. Sent to the backend at once (it is
 * not a write the outbox keeps: nothing is lost if it fails, the visitor sees the error and saves again),
 * then remembered per user like drafts, so whoever gave it or said no is not asked again.
 */
export function createContact(
  rt: Runtime,
  who: { owner(): string | undefined; hostEmail(): string | undefined },
  onError: (error: unknown) => void,
): ContactModule {
  const remembered = signal<Record<string, Remembered>>({});
  const key = () => {
    const owner = who.owner();
    return owner === undefined ? PREFIX : `${PREFIX}@${encodeURIComponent(owner)}`;
  };
  const mine = computed(() => remembered.value[key()] ?? {});
  const remember = (value: Remembered) => {
    const id = key();
    remembered.value = { ...remembered.value, [id]: value };
    rt.store.set(id, value).catch(onError);
  };
  return {
    given: computed(() => mine.value.given),
    asks: computed(
      () =>
        rt.capabilities.value.contact && !who.hostEmail() && mine.value.given === undefined && !mine.value.dismissed,
    ),
    async set(input) {
      rt.require('contact');
      const parsed = parseWith(Contact, input, 'setContact');
      // Typed text: a name may hold what the privacy rules mask; an email is kept as it is.
      const contact = { ...parsed, ...(parsed.name === undefined ? {} : { name: rt.redact(parsed.name) }) };
      await rt.connected();
      await rt.adapter.setContact?.(contact);
      remember({ given: contact });
      return contact;
    },
    dismiss() {
      remember({ ...mine.peek(), dismissed: true });
    },
    async load() {
      try {
        const found: Record<string, Remembered> = {};
        for (const id of await rt.store.keys()) {
          if (id !== PREFIX && !id.startsWith(`${PREFIX}@`)) continue;
          const parsed = Remembered.safeParse(await rt.store.get(id));
          if (parsed.success) found[id] = parsed.data;
        }
        remembered.value = { ...found, ...remembered.peek() };
      } catch (error) {
        onError(error);
      }
    },
    reset() {
      remembered.value = {};
    },
  };
}
