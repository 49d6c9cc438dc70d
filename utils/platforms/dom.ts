/**
 * Small DOM queries shared by the adapters. Each adapter keeps its selectors in one ordered list (most
 * stable first); these helpers try the list in order so that a site's markup change falls through to
 * the next selector instead of breaking the read. A selector the browser rejects is skipped, not thrown.
 */

export type SelectorList = readonly string[];

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** `el.matches(selector)` that answers false for a selector the engine rejects. */
export function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** `el.closest(selector)` that answers null for a selector the engine rejects. */
export function safeClosest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

/** First element, in selector order then document order, that `accept` takes. */
export function firstMatch(
  root: ParentNode,
  selectors: SelectorList,
  accept: (el: Element) => boolean = () => true,
): Element | null {
  for (const selector of selectors) {
    const found = safeQueryAll(root, selector).find(accept);
    if (found) return found;
  }
  return null;
}

/** Every element the first fruitful selector finds (document order), filtered by `accept`. */
export function matchesOfFirstFruitfulSelector(
  root: ParentNode,
  selectors: SelectorList,
  accept: (el: Element) => boolean = () => true,
): Element[] {
  for (const selector of selectors) {
    const found = safeQueryAll(root, selector).filter(accept);
    if (found.length > 0) return found;
  }
  return [];
}

/** Every element any selector finds, in document order, without duplicates. */
export function matchesOfAnySelector(root: ParentNode, selectors: SelectorList): Element[] {
  const seen = new Set<Element>();
  for (const selector of selectors) for (const el of safeQueryAll(root, selector)) seen.add(el);
  return sortInDocumentOrder(Array.from(seen));
}

/** True when `a` comes before `b` in document order. */
export function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0;
}

export function sortInDocumentOrder<T extends Node>(nodes: T[]): T[] {
  return nodes.sort((a, b) => (a === b ? 0 : precedes(a, b) ? -1 : 1));
}

/**
 * Drops elements nested in another element of the list (a comment list inside a post, a quoted post).
 * Walks each element's ancestors (n × depth) rather than comparing every pair: the content script runs
 * this on every rescan, and 500 posts made 250,000 `contains` calls (148 ms in Firefox; npm run bench).
 */
export function outermostOnly(elements: Element[]): Element[] {
  const listed = new Set(elements);
  return elements.filter((el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (listed.has(up)) return false;
    return true;
  });
}

/** Parses `href` against `base`; undefined instead of throwing on a malformed or missing href. */
export function parseHref(href: string | null | undefined, base: string): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** Wraps a reader so that a malformed container yields null instead of an exception in the page. */
export function neverThrow<A extends unknown[], R>(read: (...args: A) => R | null): (...args: A) => R | null {
  return (...args: A) => {
    try {
      return read(...args);
    } catch {
      return null;
    }
  };
}
