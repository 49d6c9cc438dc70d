/**
 * Drives the browser the way a reader would: scrolls a page slowly enough for every post to count (the
 * content script counts a post once half of it has been on screen for 500 ms), then waits for the
 * background to have classified and stored what was seen. Everything is asked of the background through
 * the popup's own messages, from the popup's tab.
 */
import type { CountsReply } from '../../utils/messaging/protocol';
import type { PostRecord } from '../../utils/storage/posts';
import { sendFromExtensionPage, type BrowserTab } from '../browser/tab';
import type { SummaryFigures } from './outputs';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A third of the window every 600 ms: each post stays at least half visible for over a second. */
export const SCROLL_STEP_SHARE = 1 / 3;
export const SCROLL_STEP_MS = 600;

/**
 * Scrolls from the top to the bottom. Pages that scroll an inner element rather than the window (some
 * saved apps) are scrolled through their largest scrollable element.
 */
export async function scrollThrough(tab: BrowserTab): Promise<number> {
  await sleep(1200); // the content script starts at document_idle and watches the posts on screen
  let steps = 0;
  for (; steps < 3000; steps++) {
    const moved = await tab.evaluate((share) => {
      const byWindow = document.scrollingElement ?? document.documentElement;
      let scroller: Element = byWindow;
      if (byWindow.scrollHeight - window.innerHeight < 10) {
        let best = 0;
        for (const el of document.querySelectorAll('body *')) {
          const room = el.scrollHeight - el.clientHeight;
          if (room > best && /(auto|scroll)/.test(getComputedStyle(el).overflowY)) {
            best = room;
            scroller = el;
          }
        }
      }
      const viewport = scroller === byWindow ? window.innerHeight : scroller.clientHeight;
      const before = scroller.scrollTop;
      const max = scroller.scrollHeight - viewport;
      if (before >= max - 2) return false;
      const top = Math.round(viewport * share);
      if (scroller === byWindow) window.scrollBy({ top, behavior: 'smooth' });
      else scroller.scrollBy({ top, behavior: 'smooth' });
      return true;
    }, SCROLL_STEP_SHARE);
    if (!moved) break;
    await sleep(SCROLL_STEP_MS);
  }
  await sleep(1000); // the last posts' dwell, then the content script's batch
  return steps;
}

export function getCounts(popup: BrowserTab): Promise<CountsReply> {
  return sendFromExtensionPage<CountsReply>(popup, { to: 'background', type: 'getCounts' });
}

/** The popup's figures (getSummary); null when this background has no such message. */
export async function getSummary(popup: BrowserTab): Promise<SummaryFigures | null> {
  try {
    return await sendFromExtensionPage<SummaryFigures>(popup, { to: 'background', type: 'getSummary' });
  } catch {
    return null;
  }
}

/** Every stored post, in the order seen (the background answers newest first). */
export async function getAllPosts(popup: BrowserTab): Promise<PostRecord[]> {
  const newestFirst = await sendFromExtensionPage<PostRecord[]>(popup, {
    to: 'background',
    type: 'getRecentPosts',
    limit: Number.MAX_SAFE_INTEGER,
  });
  return [...newestFirst].reverse();
}

/**
 * Waits until `target` posts are stored, or the count has not moved for `quietMs` (a page whose posts
 * were not all read), or `timeoutMs` passed. Returns the count reached.
 */
export async function waitForStoredPosts(
  popup: BrowserTab,
  target: number,
  { quietMs = 5000, timeoutMs = 45_000 } = {},
): Promise<number> {
  const start = Date.now();
  let last = -1;
  let lastChange = start;
  for (;;) {
    const { posts } = (await getCounts(popup)).totals;
    if (posts !== last) {
      last = posts;
      lastChange = Date.now();
    }
    if (posts >= target || Date.now() - lastChange > quietMs || Date.now() - start > timeoutMs) return posts;
    await sleep(300);
  }
}

/** The popup's table as drawn: one array of cell texts per row (header row excluded). */
export function readPopupTable(popup: BrowserTab): Promise<string[][]> {
  return popup.evaluate(
    () =>
      [...document.querySelectorAll('table.audiences tbody tr, table.audiences tfoot tr')].map((tr) =>
        [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    null,
  );
}

/** Waits for the popup to show `rows` body rows (it refreshes every 1.5 s). */
export async function waitForPopupRows(popup: BrowserTab, rows: number, timeoutMs = 10_000): Promise<string[][]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await readPopupTable(popup);
    const body = await popup.evaluate(() => document.querySelectorAll('table.audiences tbody tr').length, null);
    if (body >= rows || Date.now() > deadline) return shown;
    await sleep(250);
  }
}

/** Clicks the popup's language button and waits for the header to change. */
export async function setPopupLanguage(popup: BrowserTab, lang: 'en' | 'fr'): Promise<void> {
  await popup.evaluate((l) => (document.querySelector(`button[lang="${l}"]`) as HTMLButtonElement | null)?.click(), lang);
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if ((await popup.evaluate(() => document.documentElement.lang, null)) === lang) return;
    await sleep(100);
  }
}
