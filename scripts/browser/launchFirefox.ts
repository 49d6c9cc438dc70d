/**
 * Starts Firefox ESR over WebDriver BiDi (puppeteer-core) and installs a built extension as a temporary
 * add-on. The extension's internal UUID is fixed by a pref so its pages have a known moz-extension://
 * URL. BiDi refuses to open such URLs, and does not follow a page into one: a test build
 * (PROPERSO_E2E=1) lists the popup as web-accessible, a served web page navigates to it, and we poll the
 * document until the extension page is there.
 * The fault tests (tests/e2e/firefox.faults.e2e.test.ts) kill the browser process and start Firefox
 * again on the same profile (`profileDir`, `pid`, `kill`): the temporary add-on is gone after a restart
 * and is installed again, with the same UUID, so its origin finds the storage it left.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH, requireBrowser, requireBuild } from './browsers';
import { START_PAGE, replaceServedPage, servePagesInPuppeteer, type SavedPage } from './servePages';
import type { BrowserSession, BrowserTab } from './tab';

export const FIREFOX_ADDON_ID = 'properso@properso.app';
export const FIREFOX_EXTENSION_UUID = '6f1d3c1e-7c55-4b8e-9b0e-70b5e7a1c0de';

export interface FirefoxSession extends BrowserSession {
  browser: Browser;
  /** The browser's main process. */
  pid: number;
  /** SIGKILL of the main process, as a crash or a power cut would stop it; resolves once puppeteer saw it go. */
  kill(): Promise<void>;
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
  /** More command-line arguments. */
  extraArgs?: readonly string[];
  /**
   * Profile to start on (created when missing) and keep: the caller deletes it. The add-on's storage
   * outlives its uninstall (temporary add-ons are uninstalled at shutdown, or found gone at the next
   * start after a crash), so a second launch on the same profile finds the same IndexedDB. Default: a
   * fresh temporary profile, deleted when the browser closes.
   */
  profileDir?: string;
  /**
   * Opens every page in a window of its own. Firefox hides background tabs (no rendering, so no
   * IntersectionObserver callbacks, and throttled timers): pages that must be read at the same time,
   * as in side-by-side windows, each need a window.
   */
  ownWindows?: boolean;
}): Promise<FirefoxSession> {
  const executablePath = requireBrowser('Firefox ESR', FIREFOX_PATH);
  const extensionDir = resolve(requireBuild(options.extensionDir, 'npm run build:firefox'));
  const profileDir = options.profileDir === undefined ? undefined : resolve(options.profileDir);
  if (profileDir) await mkdir(profileDir, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: options.headless ?? true,
    defaultViewport: { width: 1280, height: 800 },
    ...(profileDir ? { userDataDir: profileDir } : {}),
    ...(options.extraArgs ? { args: [...options.extraArgs] } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
      'intl.accept_languages': options.locale ?? 'en-GB, en',
      // Offline machines: no update checks or telemetry.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
      ...(profileDir
        ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true }
        : {}),
      ...options.extraPrefs,
    },
  });
  const pages = [...options.pages, START_PAGE];
  const newPage = async () => {
    const page = await browser.newPage(options.ownWindows ? { type: 'window' } : undefined);
    await servePagesInPuppeteer(page, pages);
    return page;
  };
  try {
    await browser.installExtension(extensionDir);
    const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
    const pid = browser.process()?.pid;
    if (pid === undefined) throw new Error('Firefox: no browser process');
    return {
      name: 'firefox',
      browser,
      extensionOrigin,
      pid,
      async kill() {
        const gone = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
        process.kill(pid, 'SIGKILL');
        await gone;
      },
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
