/**
 * Serves saved pages at their real https URLs by request interception, so the content scripts match
 * as on the live sites, and refuses every other request (the tests and the demo run offline and must
 * never reach a real platform).
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';
import type { HTTPRequest, Page } from 'puppeteer-core';

export interface SavedPage {
  /** The real URL the page is served at, e.g. https://www.linkedin.com/feed/ */
  url: string;
  html: string;
}

export async function loadSavedPage(url: string, file: string): Promise<SavedPage> {
  return { url, html: await readFile(file, 'utf8') };
}

/** A blank page to start from (Firefox reaches extension pages by navigating from a web page). */
export const START_PAGE: SavedPage = {
  url: 'https://properso.test/',
  html: '<!doctype html><meta charset="utf-8"><title>Properso test start page</title>',
};

/** Replaces the page served at `page.url` (or adds it) in a list the routes read at request time. */
export function replaceServedPage(pages: SavedPage[], page: SavedPage): void {
  const at = pages.findIndex((p) => p.url === page.url);
  if (at >= 0) pages.splice(at, 1, page);
  else pages.unshift(page);
}

function findPage(pages: readonly SavedPage[], url: string): SavedPage | undefined {
  const wanted = new URL(url);
  wanted.hash = '';
  return pages.find((page) => page.url === wanted.href);
}

/** Playwright (Chromium): every https/http request of the context is answered from `pages` or refused. */
export async function servePagesInChromium(context: BrowserContext, pages: readonly SavedPage[]): Promise<void> {
  await context.route(/^https?:\/\//, async (route) => {
    const page = findPage(pages, route.request().url());
    try {
      if (page) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page.html });
      else await route.abort('blockedbyclient');
    } catch (error) {
      // The tab closed (or the browser was killed) before the answer: nothing left to serve.
      if (!/closed|crashed|disconnected/i.test(String(error))) throw error;
    }
  });
}

/** Puppeteer (Firefox over BiDi): the same, per page. */
export async function servePagesInPuppeteer(page: Page, pages: readonly SavedPage[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    // A request can be gone by the time we answer (its tab closed, a navigation replaced it): the
    // browser then says "no such request", which is no failure of the test.
    const ignoreGone = (error: unknown) => {
      if (!/no such request|not found|closed/i.test(String(error))) throw error;
    };
    if (!/^https?:\/\//.test(url)) return void request.continue().catch(ignoreGone);
    const saved = findPage(pages, url);
    if (saved) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: saved.html }).catch(ignoreGone);
    } else {
      void request.abort('blockedbyclient').catch(ignoreGone);
    }
  });
}
