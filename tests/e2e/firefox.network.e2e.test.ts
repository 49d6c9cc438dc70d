// No network, Firefox ESR (npm run build:e2e:firefox): while the extension reads saved pages of every
// platform, classifies in its background page and its popup and options pages are open, the requests
// of every tab (and the content scripts in them) are recorded over BiDi, and Firefox's proxy points at a
// refusing sink that catches anything else trying to leave the browser — the background page's
// requests above all, which BiDi does not report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from '../../scripts/browser/launchFirefox';
import { START_PAGE } from '../../scripts/browser/servePages';
import { exerciseExtension, firefoxSinkPrefs, leakOf, NO_NETWORK_PAGES, sinkLeaks, type SeenRequest } from './noNetwork';
import { startNetworkSink, type NetworkSink } from './networkSink';

const EXTENSION_DIR = process.env.PROPERSO_FIREFOX_BUILD ?? '.output/firefox-mv3-e2e';

function recordRequests(browser: Browser, seen: SeenRequest[]): void {
  const watched = new WeakSet<Page>();
  const watch = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    // BiDi reports the frame's URL late (about:blank while the saved page loads its images): a page's
    // requests belong to the document its last top-level navigation asked for.
    let shown = page.url();
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        seen.push({ url: request.url(), context: 'web-page', by: shown, navigation: true });
        shown = request.url();
        return;
      }
      const by = shown;
      seen.push({
        url: request.url(),
        context: /^moz-extension:/.test(by) ? 'extension-page' : /^(https?:|about:blank)/.test(by) ? 'web-page' : 'unknown',
        by,
        navigation: request.isNavigationRequest(),
      });
    });
  };
  browser.on('targetcreated', (target) => {
    void target.page().then((page) => page && watch(page)).catch(() => {});
  });
  void browser.pages().then((pages) => pages.forEach(watch));
}

describe('Firefox ESR: no network', () => {
  let session: FirefoxSession | undefined;
  let sink: NetworkSink | undefined;
  const seen: SeenRequest[] = [];
  beforeAll(async () => {
    sink = await startNetworkSink();
    session = await launchFirefox({ extensionDir: EXTENSION_DIR, pages: NO_NETWORK_PAGES, extraPrefs: firefoxSinkPrefs(sink.port) });
    recordRequests(session.browser, seen);
  });
  afterAll(async () => {
    await session?.close();
    await sink?.close();
  });

  it('makes no request outside the extension while reading, classifying and showing posts', { timeout: 300_000 }, async () => {
    if (!session || !sink) throw new Error('Firefox did not start');
    const exercise = await exerciseExtension(session);
    expect(exercise.host).toBe('background-page');
    exercise.storedAfter.forEach(({ page, stored }, i) =>
      expect(stored, `posts stored after ${page}`).toBeGreaterThan(i === 0 ? 0 : (exercise.storedAfter[i - 1]?.stored ?? 0)),
    );
    expect(seen.some((r) => r.context === 'web-page')).toBe(true);

    const pages = [...NO_NETWORK_PAGES, START_PAGE];
    const served = new Map(pages.map((page) => [page.url, page.html]));
    const leaks = [...new Set(seen.map((r) => leakOf(r, session!.extensionOrigin, served)).filter((l): l is string => l !== null))];
    console.info(
      `Firefox: ${seen.length} requests recorded; ${sink.attempts.length} attempts at the proxy ` +
        `(${[...new Set(sink.attempts)].join(', ') || 'none'})`,
    );
    // Both witnesses in one assertion, so that a failure shows every leak at once.
    expect({ requests: leaks, proxy: sinkLeaks(sink.attempts, 'firefox', pages) }).toEqual({ requests: [], proxy: [] });
  });
});
