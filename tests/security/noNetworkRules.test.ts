// The rules the real-browser no-network tests judge requests by (tests/e2e/noNetwork.ts), checked
// without a browser: what counts as the extension's own, as the served page's own, and as a leak.
import { describe, expect, it } from 'vitest';
import { leakOf, sinkLeaks, type SeenRequest } from '../e2e/noNetwork';

const EXT = 'chrome-extension://abcdefghijklmnop';
const PAGE = 'https://x.com/home';
const served = new Map([[PAGE, '<img src="https://abs-0.twimg.com/emoji/v2/svg/1f680.svg"><a href="https://t.co/x?a=1&amp;b=2">']]);
const judge = (request: Partial<SeenRequest> & { url: string }) =>
  leakOf({ context: 'web-page', by: PAGE, ...request }, EXT, served);

describe('leakOf', () => {
  it("passes the extension's own files, data: and blob: URLs", () => {
    expect(judge({ url: `${EXT}/ort-wasm-simd-threaded.wasm`, context: 'extension-page', by: `${EXT}/offscreen.html` })).toBeNull();
    expect(judge({ url: 'data:,', context: 'service-worker', by: `${EXT}/background.js` })).toBeNull();
    expect(judge({ url: 'blob:https://x.com/1234' })).toBeNull();
  });

  it("passes a served page's navigation, its own origin and what its HTML names", () => {
    expect(judge({ url: PAGE, navigation: true, by: 'about:blank' })).toBeNull();
    expect(judge({ url: 'https://x.com/favicon.ico' })).toBeNull();
    expect(judge({ url: 'https://abs-0.twimg.com/emoji/v2/svg/1f680.svg' })).toBeNull();
    expect(judge({ url: 'https://t.co/x?a=1&b=2' })).toBeNull();
  });

  it('flags any web request from the extension, a content script, or a navigation elsewhere', () => {
    expect(judge({ url: 'https://example.com/leak', context: 'service-worker', by: `${EXT}/background.js` })).toMatch(/example\.com/);
    expect(judge({ url: 'https://x.com/', context: 'extension-page', by: `${EXT}/popup.html` })).toMatch(/extension-page/);
    expect(judge({ url: 'https://example.com/leak' })).toMatch(/not the page's origin/);
    // Same origin as the page, but made by extension code (Chromium names the script).
    expect(judge({ url: 'https://x.com/api/leak', initiators: [`${EXT}/content-scripts/content.js`] })).toMatch(/initiated by/);
    expect(judge({ url: 'https://example.com/', navigation: true })).toMatch(/navigation/);
    expect(judge({ url: 'chrome-extension://other/file.js' })).toMatch(/another extension/);
  });
});

describe('sinkLeaks', () => {
  const pages = [{ url: PAGE, html: '' }];
  it("tolerates the browser's own services and refused speculative connections to served hosts", () => {
    expect(sinkLeaks(['CONNECT update.googleapis.com:443', 'CONNECT x.com:443'], 'chromium', pages)).toEqual([]);
    expect(sinkLeaks(['CONNECT firefox.settings.services.mozilla.com:443'], 'firefox', pages)).toEqual([]);
  });

  it('flags anything else, and a Google host in Firefox', () => {
    expect(sinkLeaks(['CONNECT example.com:443', 'GET http://x.com/leak'], 'chromium', pages)).toEqual([
      'CONNECT example.com:443',
      'GET http://x.com/leak',
    ]);
    expect(sinkLeaks(['CONNECT update.googleapis.com:443'], 'firefox', pages)).toEqual(['CONNECT update.googleapis.com:443']);
  });
});
