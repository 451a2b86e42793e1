/**
 * Replaces `target[key]` with a wrapper and returns an undo. Undo restores the original only if the
 * wrapper is still installed; if the host re-wrapped after us, our wrapper turns into a pass-through
 * so their wrapper keeps working. A target the host made read-only is left alone (undo does nothing).
 */
export function patchMethod<T extends object, K extends keyof T>(
  target: T,
  key: K,
  makeWrapper: (original: T[K], isActive: () => boolean) => T[K],
): () => void {
  const original = target[key];
  let active = true;
  const wrapper = makeWrapper(original, () => active);
  try {
    target[key] = wrapper;
  } catch {
    // A host that froze it (Object.freeze(History.prototype)…): capture goes without, boot goes on.
    return () => {};
  }
  return () => {
    active = false;
    if (target[key] === wrapper) target[key] = original;
  };
}
