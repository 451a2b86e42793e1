/**
 * Two places where happy-dom differs from browsers in ways DOMPurify depends on. This setup file
 * makes the test DOM behave like a browser's so the real DOMPurify runs as it does in production;
 * it does not stand in for DOMPurify. The real-browser e2e suite covers the same ground in Chromium.
 *
 * 1. `nodeName`: happy-dom's Node.prototype getter returns '' and subclasses override it; in
 *    browsers the Node.prototype getter answers for every node. DOMPurify reads it through
 *    Node.prototype (so a clobbered `nodeName` cannot fool it) and saw '' for every element.
 * 2. NodeIterator: happy-dom does not run the "pre-removing steps" (DOM §6.1), so once DOMPurify
 *    removes the node it is standing on, iteration stops and later nodes go unsanitized.
 */
const nodeName = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName');
if (nodeName?.get) {
  const baseGetter = nodeName.get;
  Object.defineProperty(Node.prototype, 'nodeName', {
    ...nodeName,
    get(this: Node): string {
      for (
        let proto = Object.getPrototypeOf(this);
        proto && proto !== Node.prototype;
        proto = Object.getPrototypeOf(proto)
      ) {
        const own = Object.getOwnPropertyDescriptor(proto, 'nodeName');
        if (own?.get) return own.get.call(this);
      }
      return baseGetter.call(this);
    },
  });
}

const SHOW_BITS: Record<number, number> = { 1: 0x1, 3: 0x4, 4: 0x8, 7: 0x40, 8: 0x80 };

/** Document-order successor of `node` within `root`, not descending into `node` when `skipChildren`. */
function following(node: Node, root: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

/**
 * A forward-only NodeIterator that survives removal of its current node the way DOMPurify uses
 * it: it remembers where the node stood, so nodes inserted in its place (kept content) and its
 * later siblings are still visited.
 */
function createNodeIterator(this: Document, root: Node, whatToShow = 0xffffffff): NodeIterator {
  let reference: Node | null = null;
  let parent: Node | null = null;
  let previous: Node | null = null;
  const accepts = (node: Node): boolean => ((SHOW_BITS[node.nodeType] ?? 0) & whatToShow) !== 0;
  const iterator = {
    root,
    whatToShow,
    filter: null,
    referenceNode: root,
    pointerBeforeReferenceNode: true,
    detach(): void {},
    previousNode(): Node | null {
      throw new Error('previousNode is not supported by this test NodeIterator');
    },
    nextNode(): Node | null {
      let next: Node | null;
      if (reference === null) next = root;
      else if (reference.parentNode === parent) next = following(reference, root, false);
      else if (previous && previous.parentNode === parent) next = following(previous, root, true);
      else next = parent?.firstChild ?? null;
      while (next && !accepts(next)) next = following(next, root, false);
      reference = next;
      parent = next?.parentNode ?? null;
      previous = next?.previousSibling ?? null;
      return next;
    },
  };
  return iterator as unknown as NodeIterator;
}

// window.Document is not the class window.document is made from: patch the prototype that owns the method.
let owner: object | null = document;
while (owner && !Object.hasOwn(owner, 'createNodeIterator')) owner = Object.getPrototypeOf(owner);
if (owner)
  Object.defineProperty(owner, 'createNodeIterator', { value: createNodeIterator, configurable: true, writable: true });
