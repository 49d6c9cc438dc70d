/**
 * Building blocks of the adapter fuzz test (tests/fuzz/adapters.fuzz.test.ts): a
 * journal of reversible DOM edits (each mutated page is the saved page edited in place and then put
 * back exactly, which is ~10× cheaper under happy-dom than cloning or re-parsing it), the record of
 * which posts an edit touched, and the odd inputs we feed the adapters.
 */

/** A seed per name (fixture), so that adding iterations to one page does not reshuffle the others. */
export function seedOf(base: number, name: string): number {
  let h = base >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export class Rng {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/**
 * Payloads that every reader must keep as they are (none holds whitespace runs, line breaks or the
 * private-use characters visibleText uses as block markers): post text with them must contain them.
 */
export const KEPT_PAYLOADS: readonly string[] = [
  '<script>window.__properso_pwned=1</script>',
  '<img src=x onerror="window.__properso_pwned=2">',
  '</div><div role="article" aria-posinset="99">',
  '&amp;&lt;b&gt;&#0;<!-- comment -->',
  '<b>bold</b><a href="https://evil.example/">link</a>',
  '\u200fRTL\u202eevil\u202c\u200e',
  '\u200d\u200c\u200b\u2060',
  'a\ufeffb',
  '👩‍👩‍👧‍👦🏳️‍🌈🇫🇷👍🏽🧑🏿‍🚀',
  `e${'\u0301'.repeat(40)}Z̸̡̛̗a̷l̶g̴o̵`,
  '\ud800',
  'x\udfffy',
  'a\ud83dz',
  '\u0000NUL\u0000',
  '\u0001\u0007\u001b[31m',
  'مرحبا بالعالم',
  'שלום עולם',
  '𝕳𝖊𝖑𝖑𝖔',
  '"quoted" \'single\' `tick` \\back',
  'urn:li:activity:1234567890123456789',
  '${alert(1)}{{constructor}}',
];

/** Payloads the readers may reshape (whitespace, line breaks, block markers): only validity is checked. */
export const RESHAPED_PAYLOADS: readonly string[] = [
  '\ue000\ue001',
  '\u00a0\u2007\u202f\t\v\f',
  '\u2028\u2029',
  '\r\n\r\n\n',
  '   ',
  '…',
  '...',
  'See more',
];

/** Text of `<script>`, `<style>` and `<template>` elements we insert: it must never be read as text. */
export const SCRIPT_MARKER = 'PROPERSO_FUZZ_SCRIPT_BODY';

/** Which saved posts (by index) an edit reached, and whether it changed the structure above any of them. */
export class Touches {
  readonly posts = new Set<number>();
  above = false;
  constructor(private readonly containers: readonly Element[]) {}

  /** `node`'s own content or attributes change (a node moved, removed or edited). */
  deep(node: Node): void {
    this.containers.forEach((container, k) => {
      if (this.within(container, node)) this.posts.add(k);
      else if (node.contains(container)) this.above = true;
    });
  }

  /** `parent` gains or loses a child: only the posts it sits in are reached. */
  shallow(parent: Node): void {
    this.containers.forEach((container, k) => {
      if (this.within(container, parent)) this.posts.add(k);
    });
  }

  /**
   * Inside the post, or inside the element just before it when that element is no post: some markup
   * puts a post's context beside it (Mastodon's server-rendered boosts: a `.status__prepend` sibling).
   */
  private within(container: Element, node: Node): boolean {
    if (container.contains(node)) return true;
    const before = container.previousElementSibling;
    return before !== null && before.contains(node) && !this.containers.some((c) => before.contains(c));
  }

  /**
   * `el`'s previous sibling changed. Some markup puts a post's context beside it (Mastodon's server-rendered
   * boosts: a `.status__prepend` just before the status), so a post whose neighbour changed is reached.
   */
  context(el: Element | null, alias: ReadonlyMap<Node, number>): void {
    if (!el) return;
    const k = this.containers.indexOf(el);
    if (k >= 0) this.posts.add(k);
    const copied = alias.get(el);
    if (copied !== undefined) this.posts.add(copied);
  }
}

function nextElement(node: Node | null): Element | null {
  let next = node;
  while (next && next.nodeType !== 1) next = next.nextSibling;
  return next as Element | null;
}

/**
 * Reversible DOM edits. `undo()` replays the inverses in reverse order, which puts the very same nodes
 * back where they were, so references taken on the saved page stay valid across iterations.
 */
export class Journal {
  private undos: (() => void)[] = [];
  /** Clones of saved post containers → the post they copy. */
  readonly alias = new Map<Node, number>();
  constructor(readonly touches: Touches) {}

  insert(parent: Node, node: Node, before: Node | null): void {
    parent.insertBefore(node, before);
    this.touches.shallow(parent);
    this.touches.deep(node);
    this.touches.context(nextElement(node.nextSibling), this.alias);
    if (isElement(node)) this.touches.context(node, this.alias);
    this.undos.push(() => void parent.removeChild(node));
  }

  remove(node: Node): void {
    const parent = node.parentNode;
    if (!parent) return;
    const next = node.nextSibling;
    this.touches.shallow(parent);
    this.touches.deep(node);
    this.touches.context(nextElement(next), this.alias);
    parent.removeChild(node);
    this.undos.push(() => void parent.insertBefore(node, next));
  }

  move(node: Node, parent: Node, before: Node | null): void {
    this.remove(node);
    this.insert(parent, node, before);
  }

  setAttribute(el: Element, name: string, value: string | null): void {
    const old = el.getAttribute(name);
    this.touches.deep(el);
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
    this.undos.push(() => (old === null ? el.removeAttribute(name) : el.setAttribute(name, old)));
  }

  setData(node: CharacterData, value: string): void {
    const old = node.data;
    this.touches.deep(node);
    node.data = value;
    this.undos.push(() => {
      node.data = old;
    });
  }

  undo(): void {
    for (let i = this.undos.length - 1; i >= 0; i--) this.undos[i]?.();
    this.undos = [];
  }
}

/** Elements and text nodes under `root` (root included), in document order. */
export function nodesUnder(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 1 || node.nodeType === 3) out.push(node);
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(root);
  return out;
}

export const isElement = (node: Node): node is Element => node.nodeType === 1;
export const isText = (node: Node): node is Text => node.nodeType === 3;

/** Deep clone of `el` that also maps the clones of saved post containers to their post (`alias`). */
export function cloneWithAliases(el: Element, owner: (node: Node) => number | undefined, alias: Map<Node, number>): Element {
  const copy = el.cloneNode(true) as Element;
  const pair = (a: Node, b: Node) => {
    const k = owner(a);
    if (k !== undefined) alias.set(b, k);
    const from = a.childNodes;
    const to = b.childNodes;
    for (let i = 0; i < from.length && i < to.length; i++) pair(from[i] as Node, to[i] as Node);
  };
  pair(el, copy);
  return copy;
}

/** Whitespace-insensitive form of a text, to compare a post's text with and without a payload. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
