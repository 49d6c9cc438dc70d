/**
 * One browser tab, the same for Chromium (playwright-core) and Firefox (puppeteer-core over BiDi), so
 * that the e2e scenario, the benchmark and the demo drive both browsers with one piece of code.
 */
import type { SavedPage } from './servePages';

export interface BrowserTab {
  /** Runs `fn(arg)` in the page; both must be serialisable. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Full-page PNG. */
  screenshot(path: string): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserSession {
  name: 'chromium' | 'firefox';
  /** chrome-extension://ID or moz-extension://UUID */
  extensionOrigin: string;
  /** A new tab at a web URL (served by servePages, never the network). */
  openTab(url: string): Promise<BrowserTab>;
  /**
   * Serves `page` at its URL from now on, instead of any page served there before (two saved pages
   * of one URL, e.g. two versions of a home feed, are read one after the other).
   */
  servePage(page: SavedPage): void;
  /** A new tab showing one of the extension's pages, e.g. '/popup.html'. */
  openExtensionPage(path: string): Promise<BrowserTab>;
  close(): Promise<void>;
}

/**
 * Sends a message from an extension page (popup) as the popup would: `browser` in Firefox, `chrome` in
 * Chrome. Retries for a few seconds while no listener exists yet ("Receiving end does not exist"): just
 * after a browser starts, the background may still be starting.
 */
export async function sendFromExtensionPage<R>(tab: BrowserTab, message: unknown): Promise<R> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await sendOnce<R>(tab, message);
    } catch (error) {
      if (!/Receiving end does not exist/i.test(String(error)) || Date.now() > deadline) throw error;
      console.warn(`[properso] background not listening yet; retrying (${String(error).split('\n')[0]})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function sendOnce<R>(tab: BrowserTab, message: unknown): Promise<R> {
  return tab.evaluate((msg) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = scope.browser ?? scope.chrome;
    if (!api) throw new Error('Not an extension page: no runtime API');
    return api.runtime.sendMessage(msg) as Promise<R>;
  }, message);
}
