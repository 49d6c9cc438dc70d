/**
 * "Nothing leaves the device", checked in a real browser: the extension reads saved pages of every
 * platform (served at their real URLs by interception), classifies what it reads with the real model,
 * and its popup and options pages are opened, while two witnesses record the network:
 *
 * 1. the driver's request events of every context it can see (Chromium: tabs, content scripts, the
 *    popup and options pages, the service worker and, attached as a page, the offscreen document;
 *    Firefox over BiDi: the tabs and the content scripts in them) — each request must be one of the
 *    extension's own files, a data:/blob: URL, or the served page's own (same origin as the page, and
 *    in Chromium not initiated by extension code);
 * 2. a proxy that refuses everything (networkSink.ts), set as the browser's proxy, which catches what
 *    the driver cannot see (Firefox's background page above all): nothing may reach it but the
 *    browser's own service traffic (update checks, remote settings) and the browser's speculative
 *    connections to the served pages' hosts (a CONNECT, refused, carrying nothing).
 *
 * Used by chrome.network.e2e.test.ts and firefox.network.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { SavedPage } from '../../scripts/browser/servePages';
import { sendFromExtensionPage, type BrowserSession, type BrowserTab } from '../../scripts/browser/tab';
import type { Message, Replies } from '../../utils/messaging/protocol';

/** One saved page per platform (tests/fixtures/<platform>/), at the URL it was saved from. */
const FIXTURES = [
  'linkedin/company',
  'x/home',
  'facebook/group',
  'instagram/home',
  'threads/profile',
  'mastodon/home',
  'bluesky/home',
  'reddit/subreddit',
] as const;

export const NO_NETWORK_PAGES: SavedPage[] = FIXTURES.map((name) => {
  const expected = JSON.parse(readFileSync(`tests/fixtures/${name}.expected.json`, 'utf8')) as { url: string };
  return { url: expected.url, html: readFileSync(`tests/fixtures/${name}.html`, 'utf8') };
});

/** A request as a driver saw it. */
export interface SeenRequest {
  url: string;
  /** Which context made it: 'service-worker', 'extension-page' (popup, options, offscreen), 'web-page'. */
  context: 'service-worker' | 'extension-page' | 'web-page' | 'unknown';
  /** URL of the document (or worker) that made it. */
  by: string;
  /** Script URLs on the initiator's stack, where the driver can tell (Chromium's CDP). */
  initiators?: string[];
  navigation?: boolean;
}

/**
 * Why a request breaks the promise, or null when it is the extension's own file or the page's own.
 * `served`: URL → HTML of the pages the test serves. A web page's own requests are its navigation to a
 * served URL and what it loads from its own origin or names in its HTML (a saved X page shows emoji
 * from X's image host); anything else from a page — another origin, a frame elsewhere — is a leak.
 */
export function leakOf(request: SeenRequest, extensionOrigin: string, served: ReadonlyMap<string, string>): string | null {
  const { url } = request;
  if (/^(data|blob):/.test(url)) return null;
  if (url.startsWith(`${extensionOrigin}/`)) return null;
  const from = `${request.context} ${request.by}`;
  if (/^(chrome-extension|moz-extension):/.test(url)) return `${url} (another extension's file) from ${from}`;
  const extensionCode = request.initiators?.find((script) => /^(chrome-extension|moz-extension):/.test(script));
  if (extensionCode) return `${url} initiated by ${extensionCode} in ${from}`;
  if (request.context !== 'web-page') return `${url} from ${from}`;
  let sameOrigin: boolean;
  try {
    sameOrigin = new URL(url).origin === new URL(request.by).origin;
  } catch {
    sameOrigin = false;
  }
  if (request.navigation) return served.has(url.replace(/#.*$/, '')) ? null : `navigation to ${url} from ${from}`;
  const html = served.get(request.by.replace(/#.*$/, '')) ?? '';
  if (sameOrigin || html.includes(url) || html.includes(url.replaceAll('&', '&amp;'))) return null;
  return `${url} from ${from} (not the page's origin: a content script's request?)`;
}

/** Hosts the browser itself talks to (not the extension), which may reach the sink refused. */
export const BROWSER_SERVICE_HOSTS: Record<BrowserSession['name'], RegExp> = {
  chromium: /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)$/,
  firefox: /(^|\.)(services\.mozilla\.com|mozilla\.net|mozilla\.org|mozilla\.com)$/,
};

/** The attempts at the sink that break the promise. */
export function sinkLeaks(attempts: readonly string[], browser: BrowserSession['name'], pages: readonly SavedPage[]): string[] {
  const pageHosts = new Set(pages.map((page) => new URL(page.url).host));
  return attempts.filter((attempt) => {
    const [method, target = ''] = attempt.split(' ');
    const host = method === 'CONNECT' ? target.replace(/:\d+$/, '') : safeHost(target);
    if (BROWSER_SERVICE_HOSTS[browser].test(host)) return false;
    // Speculative connection to a page being opened (its requests are served by interception).
    if (method === 'CONNECT' && (pageHosts.has(host) || pageHosts.has(target.replace(/:443$/, '')))) return false;
    return true;
  });
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function ask<M extends Message>(tab: BrowserTab, message: M): Promise<Replies[M['type']]> {
  return sendFromExtensionPage<Replies[M['type']]>(tab, message);
}

async function scrollToBottom(tab: BrowserTab): Promise<void> {
  for (let step = 0; step < 40; step++) {
    await new Promise((resolve) => setTimeout(resolve, 700));
    const atBottom = await tab.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.round(window.innerHeight * 0.4));
      return window.scrollY === before;
    }, null);
    if (atBottom) break;
  }
  await new Promise((resolve) => setTimeout(resolve, 700));
}

export interface Exercise {
  /** Posts stored after each page, in FIXTURES order. */
  storedAfter: { page: string; stored: number }[];
  host: string | null;
}

/**
 * Everything the extension does in a session: every platform page read (the stored count must grow
 * on each, so classification really ran), the popup opened and reloaded, the options page opened.
 */
export async function exerciseExtension(session: BrowserSession): Promise<Exercise> {
  const popup = await session.openExtensionPage('/popup.html');
  const stored = async () => (await ask(popup, { to: 'background', type: 'getRecentPosts', limit: 1000 })).length;
  const storedAfter: Exercise['storedAfter'] = [];
  let before = await stored();
  for (const page of NO_NETWORK_PAGES) {
    const tab = await session.openTab(page.url);
    await scrollToBottom(tab);
    const deadline = Date.now() + 20_000;
    let now = await stored();
    while (now <= before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      now = await stored();
    }
    storedAfter.push({ page: page.url, stored: now });
    before = now;
    await tab.close();
  }
  await popup.reload();
  await new Promise((resolve) => setTimeout(resolve, 2000)); // the popup polls every 1.5 s
  const options = await session.openExtensionPage('/options.html');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const status = await ask(popup, { to: 'background', type: 'getInferenceStatus' });
  await options.close();
  await popup.close();
  return { storedAfter, host: status.host?.host ?? null };
}

/** Firefox prefs that point every connection at the sink and quiet the browser's own traffic. */
export function firefoxSinkPrefs(port: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.failover_direct': false,
    'network.trr.mode': 5,
    'network.http.speculative-parallel-limit': 0,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'app.normandy.enabled': false,
    'dom.push.connection.enabled': false,
    'toolkit.telemetry.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'extensions.getAddons.cache.enabled': false,
    'security.OCSP.enabled': 0,
  };
}
