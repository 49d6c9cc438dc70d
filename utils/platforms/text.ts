/**
 * Visible text of a post, the same on every platform: whitespace collapsed, line breaks (<br>, block
 * boundaries) kept as \n, emoji drawn as <img alt="🚀"> (X, Facebook) put back as characters, and
 * buttons ("…see more", "Translate"), visually-hidden screen-reader copies and hidden nodes left out.
 * We walk the DOM ourselves rather than use innerText: innerText needs layout, which happy-dom lacks and
 * which a content script should not force on every post.
 */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TR', 'UL',
]);

/** Never text: scripts, controls, and the copies sites keep for screen readers only. */
const ALWAYS_SKIPPED = [
  'script', 'style', 'template', 'noscript', 'svg', 'button', '[role="button"]', '[hidden]',
  '.visually-hidden', '.sr-only', '.a11y-text',
].join(', ');

/**
 * Block edges are marked while walking (with two private-use characters, removed from the page's own
 * text first), then each run of edges, <br>s and spaces becomes line breaks the way a browser draws
 * them: one line break between blocks (however deeply nested), a blank line around paragraphs, and as
 * many as there were <br>s when a block holds more than one.
 */
const BLOCK_EDGE = '\ue000';
const PARAGRAPH_EDGE = '\ue001';
const EDGE_RUN = /[\ue000\ue001][\ue000\ue001\n ]*|\n[\ue000\ue001\n ]*[\ue000\ue001][\ue000\ue001\n ]*/g;

function lineBreaksOfRun(run: string): string {
  if (run.includes(PARAGRAPH_EDGE)) return '\n\n';
  const breaks = run.split('\n').length - 1;
  return '\n'.repeat(Math.max(1, breaks));
}

const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

export interface VisibleTextOptions {
  /** Extra selectors whose subtrees are not text (comments, quoted posts, "see more" links…). */
  skip?: string;
  /**
   * The site draws line breaks from "\n" characters in text nodes (CSS `white-space: pre-wrap`), as X's
   * tweetText and Bluesky's postText do, instead of <br> or blocks.
   */
  preWrap?: boolean;
}

function isHiddenByStyle(el: Element): boolean {
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Collapses runs of spaces, trims each line, keeps at most one blank line; never throws. */
export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t\f\v ]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Visible text of `root` (see the file comment); '' for an empty or missing element. */
export function visibleText(root: Element | null | undefined, options: VisibleTextOptions = {}): string {
  if (!root) return '';
  const skip = options.skip ? `${ALWAYS_SKIPPED}, ${options.skip}` : ALWAYS_SKIPPED;
  const parts: string[] = [];

  const walk = (node: Node): void => {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      const value = (node.nodeValue ?? '').replace(/[\ue000\ue001]/g, '');
      parts.push(options.preWrap ? value.replace(/[ \t\r\f]+/g, ' ') : value.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return;
    const el = node as Element;
    if (el !== root && (el.matches(skip) || isHiddenByStyle(el))) return;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    if (tag === 'IMG') {
      const alt = el.getAttribute('alt') ?? '';
      if (alt && alt.length <= 16 && PICTOGRAPH.test(alt)) parts.push(alt);
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push(tag === 'P' ? PARAGRAPH_EDGE : BLOCK_EDGE);
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) parts.push(tag === 'P' ? PARAGRAPH_EDGE : BLOCK_EDGE);
  };

  walk(root);
  return normalizeText(parts.join('').replace(EDGE_RUN, lineBreaksOfRun));
}

/** Trailing "…" a site prints before its "See more" control; not the author's. */
export function withoutTrailingEllipsis(text: string): string {
  return text.replace(/\s*(?:…|\.\.\.)$/, '');
}

/** Text of a label-like element (a name, a heading): visible text on one line. */
export function labelText(el: Element | null | undefined, options: VisibleTextOptions = {}): string {
  return visibleText(el, options).replace(/\s*\n+\s*/g, ' ').trim();
}
