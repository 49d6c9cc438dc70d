// @vitest-environment happy-dom
// Catches on-page badges that would interpret HTML: from the page (post text, author, HTML-looking text
// in the site's markup) or from the store (a damaged label record answering getPostLabels). The closed
// shadow root is captured when it is made, so the test can look inside: only the badges' own elements,
// no handler attribute, a badge text from Properso's words and a number, the site's posts untouched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createBadges } from '@/entrypoints/content/badges';
import type { ExtractedPost } from '@/utils/platforms/types';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '<svg onload="window.__pwned=1"></svg>',
  '<a href="javascript:window.__pwned=1">clic</a>',
  '&lt;b&gt; &amp;amp; \u202Egnp.exe',
];
/** The only texts a badge may show: a word of Properso's and a rounded probability. */
const BADGE_TEXT = /^(Pro|Perso|Uncertain|Incertain) · P\(pro\) (\d{1,3}|NaN)\u202f?%$/;

const shadowRoots: ShadowRoot[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  document.body.innerHTML = '';
  document.querySelector('properso-badges')?.remove();
  shadowRoots.length = 0;
});

function fakeContext(): ContentScriptContext {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    addEventListener: (target: EventTarget, type: string, fn: EventListener, options?: AddEventListenerOptions) => target.addEventListener(type, fn, options),
    onInvalidated: () => () => undefined,
  } as unknown as ContentScriptContext;
}

/** Keeps every shadow root made from now on, closed ones included. */
function captureShadowRoots(): void {
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    shadowRoots.push(root);
    return root;
  });
}

/** Records every use of an HTML parser on elements and shadow roots (the badges must use none). */
function watchHtmlParsing(): string[] {
  const uses: string[] = [];
  const setters: [object, 'innerHTML' | 'outerHTML'][] = [[Element.prototype, 'innerHTML'], [Element.prototype, 'outerHTML'], [ShadowRoot.prototype, 'innerHTML']];
  for (const [proto, name] of setters) {
    const original = Object.getOwnPropertyDescriptor(proto, name)!.set!;
    vi.spyOn(proto as Element, name, 'set').mockImplementation(function (this: Element, html: string) {
      uses.push(`${name} = ${html}`);
      original.call(this, html);
    });
  }
  const insert = Element.prototype.insertAdjacentHTML;
  vi.spyOn(Element.prototype, 'insertAdjacentHTML').mockImplementation(function (this: Element, where: InsertPosition, html: string) {
    uses.push(`insertAdjacentHTML(${html})`);
    insert.call(this, where, html);
  });
  const unsafe = ShadowRoot.prototype.setHTMLUnsafe;
  if (unsafe) {
    vi.spyOn(ShadowRoot.prototype, 'setHTMLUnsafe').mockImplementation(function (this: ShadowRoot, html: string) {
      uses.push(`setHTMLUnsafe(${html})`);
      unsafe.call(this, html);
    });
  }
  return uses;
}

/** A page whose posts show HTML as text (escaped in the markup, as a site shows what users typed). */
function hostilePage(): HTMLElement[] {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  document.body.innerHTML = HOSTILE.map((h, i) => `<article id="p${i}"><a class="author">${escape(h)}</a><p>${escape(h)} Nous recrutons</p></article>`).join('');
  return HOSTILE.map((_, i) => document.getElementById(`p${i}`)!);
}

const post = (i: number): ExtractedPost => ({ platform: 'linkedin', id: String(i), author: { name: HOSTILE[i]! }, text: `${HOSTILE[i]} Nous recrutons`, sponsored: false, truncated: false });

describe('on-page badges show no HTML from the page or the store', () => {
  it('labels (valid ones and damaged ones carrying markup) become text from Properso’s words only', async () => {
    captureShadowRoots();
    // The store answers one valid label and, for the others, records damaged with markup in every field.
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const keys = (message as { keys: [string, string][] }).keys;
      return Promise.resolve(
        keys.map(([, id]) =>
          id === '0'
            ? { label: 'professional', pProfessional: 0.87, uncertain: false }
            : { label: HOSTILE[Number(id)], pProfessional: HOSTILE[Number(id)], uncertain: HOSTILE[Number(id)] },
        ),
      );
    });
    vi.useFakeTimers();
    const articles = hostilePage();
    const before = articles.map((a) => a.outerHTML);
    const htmlParsed = watchHtmlParsing();
    const badges = createBadges(fakeContext(), { enabled: true });
    articles.forEach((article, i) => badges.track(article, post(i)));
    await vi.advanceTimersByTimeAsync(1500);
    vi.useRealTimers();

    // No HTML parser at all: text goes in as text, even Properso's own words.
    expect(htmlParsed).toEqual([]);
    expect(shadowRoots).toHaveLength(1);
    const root = shadowRoots[0]!;
    expect(root.mode).toBe('closed');
    // Only the overlay's own elements: its style, the layer, one span per post.
    expect([...root.querySelectorAll('*')].map((el) => el.tagName.toLowerCase())).toEqual(['style', 'div', ...HOSTILE.map(() => 'span')]);
    const spans = [...root.querySelectorAll('span.badge')];
    for (const span of spans) expect(span.textContent).toMatch(BADGE_TEXT);
    expect(spans[0]!.textContent).toBe('Pro · P(pro) 87%');
    for (const span of spans) expect(span.children).toHaveLength(0);
    // Markup from the store reaches attributes only, as inert strings.
    expect(spans.slice(1).map((s) => s.getAttribute('data-label'))).toEqual(HOSTILE.slice(1));
    const handlers = [...root.querySelectorAll('*'), document.querySelector('properso-badges')!].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)));
    expect(handlers).toEqual([]);
    // The site's posts are as they were: still text, nothing added inside them.
    expect(articles.map((a) => a.outerHTML)).toEqual(before);
    expect(document.body.querySelectorAll('img, script, svg, iframe')).toHaveLength(0);
    expect(articles.map((a) => a.querySelector('p')!.textContent)).toEqual(HOSTILE.map((h) => `${h} Nous recrutons`));
    expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});
