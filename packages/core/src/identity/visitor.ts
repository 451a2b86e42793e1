import type { Verification } from '../schemas/identity.js';
import type { StoredIdentity } from './stored-identity.js';

/**
 * What this page knows about the browser's visitor, and whether storage may be written yet:
 * not before the user interacts, unless they are a returning visitor (they interacted in an
 * earlier visit or in another tab) or the host turned `noStorageBeforeInteraction` off.
 */
export interface Visitor {
  interacted: boolean;
  returning: boolean;
  stored: StoredIdentity | undefined;
  verification: Verification | undefined;
  storageAllowed(): boolean;
  forget(): void;
}

export function createVisitor(noStorageBeforeInteraction: boolean, verification: Verification | undefined): Visitor {
  return {
    interacted: false,
    returning: false,
    stored: undefined,
    verification,
    storageAllowed() {
      return this.interacted || this.returning || !noStorageBeforeInteraction;
    },
    forget() {
      this.interacted = false;
      this.returning = false;
      this.stored = undefined;
      this.verification = undefined;
    },
  };
}
