// Two places where happy-dom 21 departs from the DOM spec and real browsers, both of which break
// DOMPurify (the sanitizer under test) in this environment only:
// 1. Its NodeIterator stops when the node it last returned is removed; the spec moves the reference
//    to the preceding node and carries on. DOMPurify removes nodes mid-iteration.
// 2. The `nodeName` getter on Node.prototype returns '' for elements (subclasses override it);
//    DOMPurify reads it through Node.prototype to resist clobbering, so every tag looked unknown.
// These shims make the test DOM follow the spec; the sanitizer itself is used unmodified.

function following(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

function preceding(node: Node, root: Node): Node {
  if (node === root) return root;
  let previous = node.previousSibling;
  if (!previous) return node.parentNode ?? root;
  while (previous.lastChild) previous = previous.lastChild;
  return previous;
}

class SpecNodeIterator {
  private reference: Node | null = null;
  private before: Node;

  constructor(
    readonly root: Node,
    readonly whatToShow: number,
    readonly filter: NodeFilter | null,
  ) {
    this.before = root;
  }

  private accepts(node: Node): boolean {
    if (!(this.whatToShow & (1 << (node.nodeType - 1)))) return false;
    if (!this.filter) return true;
    const verdict = typeof this.filter === 'function' ? this.filter(node) : this.filter.acceptNode(node);
    return verdict === NodeFilter.FILTER_ACCEPT;
  }

  nextNode(): Node | null {
    let node: Node | null;
    if (this.reference === null) node = this.root;
    else {
      const attached = this.reference === this.root || this.root.contains(this.reference);
      node = following(attached ? this.reference : this.before, this.root);
    }
    while (node && !this.accepts(node)) node = following(node, this.root);
    if (node) {
      this.reference = node;
      this.before = preceding(node, this.root);
    }
    return node;
  }

  previousNode(): Node | null {
    throw new Error('previousNode is not needed by the widget tests');
  }

  detach(): void {}
}

function createNodeIterator(this: Document, root: Node, whatToShow = 0xffffffff, filter: NodeFilter | null = null) {
  return new SpecNodeIterator(root, whatToShow, filter) as unknown as NodeIterator;
}

// happy-dom defines the method on a Document subclass too; replace it wherever it is defined.
for (
  let proto: object | null = Object.getPrototypeOf(document);
  proto && proto !== Object.prototype;
  proto = Object.getPrototypeOf(proto)
) {
  if (Object.hasOwn(proto, 'createNodeIterator'))
    Object.defineProperty(proto, 'createNodeIterator', {
      value: createNodeIterator,
      configurable: true,
      writable: true,
    });
}

const baseNodeName = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName')?.get;
Object.defineProperty(Node.prototype, 'nodeName', {
  configurable: true,
  get(this: Node) {
    for (
      let proto: object | null = Object.getPrototypeOf(this);
      proto && proto !== Node.prototype;
      proto = Object.getPrototypeOf(proto)
    ) {
      const getter = Object.getOwnPropertyDescriptor(proto, 'nodeName')?.get;
      if (getter) return getter.call(this);
    }
    return baseNodeName?.call(this);
  },
});

export {};
