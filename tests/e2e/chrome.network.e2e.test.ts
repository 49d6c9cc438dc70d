// No network, Chromium (npm run build:e2e): while the extension reads saved pages of every platform,
// classifies in its offscreen document and its popup and options pages are open, every request of every
// context (tabs and their content scripts, extension pages, the service worker, the offscreen document)
// is recorded, and a refusing proxy catches anything else that tries to leave the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../../scripts/browser/launchChromium';
import { exerciseExtension, leakOf, NO_NETWORK_PAGES, sinkLeaks, type SeenRequest } from './noNetwork';
import { startNetworkSink, type NetworkSink } from './networkSink';

const EXTENSION_DIR = process.env.PROPERSO_CHROME_BUILD ?? '.output/chrome-mv3-e2e';

/** Records every request Playwright reports (pages, service worker) and, per page, CDP's initiator stacks. */
function recordRequests(context: BrowserContext, seen: SeenRequest[]): void {
  context.on('request', (request) => {
    const worker = request.serviceWorker();
    if (worker) {
      seen.push({ url: request.url(), context: 'service-worker', by: worker.url() });
      return;
    }
    let by: string;
    try {
      by = request.frame().url();
    } catch {
      by = 'unknown'; // a navigation before its frame exists
    }
    const extensionPage = /^chrome-extension:/.test(by);
    seen.push({
      url: request.url(),
      context: extensionPage ? 'extension-page' : /^(https?:|about:blank)/.test(by) ? 'web-page' : 'unknown',
      by,
      navigation: request.isNavigationRequest(),
    });
  });
  // A content script's fetch is the page's request to Playwright; CDP names the script that made it.
  context.on('page', (page) => {
    void (async () => {
      const cdp = await context.newCDPSession(page);
      cdp.on('Network.requestWillBeSent', (event) => {
        const frames = event.initiator.stack?.callFrames ?? [];
        const parentFrames = event.initiator.stack?.parent?.callFrames ?? [];
        const initiators = [...frames, ...parentFrames].map((frame) => frame.url).filter(Boolean);
        if (event.initiator.url) initiators.push(event.initiator.url);
        const by = event.documentURL ?? page.url();
        seen.push({
          url: event.request.url,
          context: /^chrome-extension:/.test(by) ? 'extension-page' : 'web-page',
          by,
          initiators,
          navigation: event.type === 'Document',
        });
      });
      await cdp.send('Network.enable');
    })().catch(() => {});
  });
}

describe('Chromium: no network', () => {
  let session: ChromiumSession | undefined;
  let sink: NetworkSink | undefined;
  const seen: SeenRequest[] = [];
  beforeAll(async () => {
    // Playwright leaves "other" targets alone; the offscreen document is one. Attached as a page, its
    // requests are reported like any page's.
    process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';
    sink = await startNetworkSink();
    session = await launchChromium({
      extensionDir: EXTENSION_DIR,
      pages: NO_NETWORK_PAGES,
      extraArgs: [`--proxy-server=http://127.0.0.1:${sink.port}`],
      onContext: (context) => recordRequests(context, seen),
    });
  });
  afterAll(async () => {
    await session?.close();
    await sink?.close();
    delete process.env.PW_CHROMIUM_ATTACH_TO_OTHER;
  });

  it('makes no request outside the extension while reading, classifying and showing posts', { timeout: 300_000 }, async () => {
    if (!session || !sink) throw new Error('Chromium did not start');
    const exercise = await exerciseExtension(session);
    // Not a vacuous pass: every page's posts were read and classified in the offscreen document.
    expect(exercise.host).toBe('offscreen-document');
    exercise.storedAfter.forEach(({ page, stored }, i) =>
      expect(stored, `posts stored after ${page}`).toBeGreaterThan(i === 0 ? 0 : (exercise.storedAfter[i - 1]?.stored ?? 0)),
    );
    const contexts = new Set(seen.map((r) => r.context));
    expect([...contexts]).toEqual(expect.arrayContaining(['web-page', 'extension-page']));
    expect(seen.some((r) => r.by.endsWith('/offscreen.html') && r.url.endsWith('.wasm'))).toBe(true);

    const served = new Map(NO_NETWORK_PAGES.map((page) => [page.url, page.html]));
    const leaks = [...new Set(seen.map((r) => leakOf(r, session!.extensionOrigin, served)).filter((l): l is string => l !== null))];
    console.info(
      `Chromium: ${seen.length} requests recorded (${[...contexts].join(', ')}); ${sink.attempts.length} attempts at the proxy ` +
        `(${[...new Set(sink.attempts)].join(', ') || 'none'})`,
    );
    // Both witnesses in one assertion, so that a failure shows every leak at once.
    expect({ requests: leaks, proxy: sinkLeaks(sink.attempts, 'chromium', NO_NETWORK_PAGES) }).toEqual({ requests: [], proxy: [] });
  });
});
