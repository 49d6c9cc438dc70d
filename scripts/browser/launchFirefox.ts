/**
 * Starts Firefox ESR over WebDriver BiDi (puppeteer-core) and installs a built extension as a temporary
 * add-on. The extension's internal UUID is fixed by a pref so its pages have a known moz-extension://
 * URL. BiDi refuses to open such URLs, and does not follow a page into one: a test build
 * (PROPERSO_E2E=1) lists the popup as web-accessible, a served web page navigates to it, and we poll the
 * document until the extension page is there.
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH, requireBrowser, requireBuild } from './browsers';
import { START_PAGE, replaceServedPage, servePagesInPuppeteer, type SavedPage } from './servePages';
import type { BrowserSession, BrowserTab } from './tab';

export const FIREFOX_ADDON_ID = 'properso@properso.app';
export const FIREFOX_EXTENSION_UUID = '6f1d3c1e-7c55-4b8e-9b0e-70b5e7a1c0de';

export interface FirefoxSession extends BrowserSession {
  browser: Browser;
}

async function until(page: Page, what: string, probe: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await page.evaluate(probe).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Firefox: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function firefoxTab(page: Page, extensionPage: boolean): BrowserTab {
  return {
    evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown) as Promise<T>,
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: true })),
    setViewport: (size) => page.setViewport(size),
    async reload() {
      if (!extensionPage) return void (await page.reload());
      await page.evaluate(() => {
        (window as { stale?: boolean }).stale = true;
        location.reload();
      });
      await until(page, 'the reloaded page', () => !(window as { stale?: boolean }).stale && document.readyState === 'complete');
    },
    close: () => page.close(),
  };
}

export async function launchFirefox(options: {
  extensionDir: string;
  pages: readonly SavedPage[];
  headless?: boolean;
  locale?: string;
  /** More prefs (the no-network test points the proxy prefs at its sink). */
  extraPrefs?: Record<string, unknown>;
}): Promise<FirefoxSession> {
  const executablePath = requireBrowser('Firefox ESR', FIREFOX_PATH);
  const extensionDir = resolve(requireBuild(options.extensionDir, 'npm run build:firefox'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: options.headless ?? true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
      'intl.accept_languages': options.locale ?? 'en-GB, en',
      // Offline machines: no update checks or telemetry.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
      ...options.extraPrefs,
    },
  });
  const pages = [...options.pages, START_PAGE];
  const newPage = async () => {
    const page = await browser.newPage();
    await servePagesInPuppeteer(page, pages);
    return page;
  };
  try {
    await browser.installExtension(extensionDir);
    const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
    return {
      name: 'firefox',
      browser,
      extensionOrigin,
      servePage: (page) => replaceServedPage(pages, page),
      async openTab(url) {
        const page = await newPage();
        await page.goto(url);
        return firefoxTab(page, false);
      },
      async openExtensionPage(path) {
        const page = await newPage();
        await page.goto(START_PAGE.url);
        await page.evaluate((url) => location.assign(url), `${extensionOrigin}${path}`);
        await until(page, path, () => location.protocol === 'moz-extension:' && document.readyState === 'complete');
        return firefoxTab(page, true);
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
