/**
 * Optional on-page badges (off by default; options page → "Show labels on posts"): the stored label
 * and probability beside each post read. The site's DOM is never touched: the badges live in one
 * overlay element at the end of the document, inside a closed shadow root (the site's CSS cannot
 * reach them, nor their CSS the site), absolutely positioned over each post's top-right corner,
 * `pointer-events: none` so they never take a click, moved on scroll and resize.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/utils/messaging';
import type { ExtractedPost } from '@/utils/platforms/types';
import type { PostLabel } from '@/utils/summary/messages';

/** Posts followed at most (the latest ones): enough for a screenful and some scrolling back. */
const MAX_TRACKED = 200;
/** Labels are asked for after the batch was sent and classified; a few retries for slow hosts. */
const ASK_AFTER_MS = [1200, 3000, 8000];

interface Tracked {
  element: Element;
  key: [string, string];
  label: PostLabel | null;
  badge: HTMLElement | null;
  attempts: number;
}

const STYLE = `
:host { all: initial; }
.layer { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.badge {
  position: absolute; pointer-events: none; white-space: nowrap;
  font: 600 12px/1.3 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  padding: 2px 6px; border-radius: 10px; color: #fff; background: #5b6475;
  box-shadow: 0 1px 2px rgba(0,0,0,.3); transform: translate(-100%, 4px);
}
.badge[data-label='professional'] { background: #1f5fbf; }
.badge[data-label='personal'] { background: #a83a6c; }
.badge[data-uncertain='true'] { background: #5b6475; }
`;

function text(label: PostLabel, french: boolean): string {
  const pct = `${Math.round(label.pProfessional * 100)}${french ? '\u202f' : ''}%`;
  const word = label.uncertain ? (french ? 'Incertain' : 'Uncertain') : label.label === 'professional' ? 'Pro' : 'Perso';
  return `${word} · P(pro) ${pct}`;
}

export interface Badges {
  /** A post was read from this element. */
  track(element: Element, post: ExtractedPost): void;
  setEnabled(on: boolean): void;
}

export function createBadges(ctx: ContentScriptContext, options: { enabled: boolean; doc?: Document }): Badges {
  const doc = options.doc ?? document;
  const french = (doc.documentElement.lang || navigator.language || '').toLowerCase().startsWith('fr');
  let enabled = options.enabled;
  const tracked: Tracked[] = [];
  let host: HTMLElement | null = null;
  let layer: HTMLElement | null = null;
  let frame = 0;
  let asking = false;

  /** One pending question at a time: the labels of every post still waiting go in one message. */
  function askLater(ms: number): void {
    if (asking) return;
    asking = true;
    ctx.setTimeout(() => {
      asking = false;
      void ask();
    }, ms);
  }

  function ensureLayer(): HTMLElement {
    if (layer && host?.isConnected) return layer;
    host = doc.createElement('properso-badges');
    host.setAttribute('style', 'position:absolute;top:0;left:0;width:0;height:0;pointer-events:none;z-index:2147483000;');
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    layer = doc.createElement('div');
    layer.className = 'layer';
    root.append(style, layer);
    doc.documentElement.append(host);
    return layer;
  }

  function position(): void {
    frame = 0;
    if (!enabled) return;
    const view = doc.defaultView ?? window;
    for (const t of tracked) {
      if (!t.badge) continue;
      if (!t.element.isConnected) {
        t.badge.hidden = true;
        continue;
      }
      const rect = t.element.getBoundingClientRect();
      t.badge.hidden = rect.width === 0 && rect.height === 0;
      t.badge.style.top = `${rect.top + view.scrollY}px`;
      t.badge.style.left = `${rect.right + view.scrollX - 4}px`;
    }
  }

  const schedule = () => {
    if (!frame && enabled) frame = (doc.defaultView ?? window).requestAnimationFrame(position);
  };

  function render(t: Tracked): void {
    if (!enabled || !t.label) return;
    if (!t.badge) {
      t.badge = doc.createElement('span');
      t.badge.className = 'badge';
      ensureLayer().append(t.badge);
    }
    t.badge.dataset.label = t.label.label;
    t.badge.dataset.uncertain = String(t.label.uncertain);
    // Text, never HTML.
    t.badge.textContent = text(t.label, french);
    schedule();
  }

  async function ask(): Promise<void> {
    const waiting = tracked.filter((t) => !t.label && t.attempts < ASK_AFTER_MS.length);
    if (waiting.length === 0 || ctx.signal.aborted) return;
    for (const t of waiting) t.attempts++;
    try {
      const labels = await sendMessage({ to: 'background', type: 'getPostLabels', keys: waiting.map((t) => t.key) });
      waiting.forEach((t, i) => {
        t.label = labels[i] ?? null;
        render(t);
      });
    } catch {
      // The background may be restarting; the next attempt asks again.
    }
    const next = tracked.find((t) => !t.label && t.attempts < ASK_AFTER_MS.length);
    if (next) askLater(ASK_AFTER_MS[next.attempts]! - (ASK_AFTER_MS[next.attempts - 1] ?? 0));
  }

  ctx.addEventListener(window, 'scroll', schedule, { passive: true, capture: true });
  ctx.addEventListener(window, 'resize', schedule, { passive: true });
  ctx.onInvalidated(() => host?.remove());

  return {
    track(element, post) {
      if (tracked.some((t) => t.element === element && t.key[1] === post.id)) return;
      tracked.push({ element, key: [post.platform, post.id], label: null, badge: null, attempts: 0 });
      while (tracked.length > MAX_TRACKED) tracked.shift()?.badge?.remove();
      if (enabled) askLater(ASK_AFTER_MS[0]!);
    },
    setEnabled(on) {
      enabled = on;
      if (!on) {
        host?.remove();
        host = null;
        layer = null;
        for (const t of tracked) t.badge = null;
        return;
      }
      for (const t of tracked) render(t);
      void ask();
    },
  };
}
