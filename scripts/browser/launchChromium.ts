/**
 * Starts Chromium with a built extension loaded (extensions load in the new headless mode) and finds
 * the extension's id from its service worker URL. Web pages are served by servePages, never fetched.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, requireBrowser, requireBuild } from './browsers';
import { replaceServedPage, servePagesInChromium, type SavedPage } from './servePages';
import type { BrowserSession, BrowserTab } from './tab';

export interface ChromiumSession extends BrowserSession {
  context: BrowserContext;
  extensionId: string;
}

export function chromiumTab(page: Page): BrowserTab {
  return {
    evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown),
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
    setViewport: (size) => page.setViewportSize(size),
    reload: async () => void (await page.reload()),
    close: () => page.close(),
  };
}

export async function launchChromium(options: {
  extensionDir: string;
  pages: readonly SavedPage[];
  headless?: boolean;
  /** More command-line switches (the no-network test adds --proxy-server). */
  extraArgs?: readonly string[];
  /** Called as soon as the context exists, before any page is served (the no-network test listens there). */
  onContext?: (context: BrowserContext) => void | Promise<void>;
}): Promise<ChromiumSession> {
  const executablePath = requireBrowser('Chromium', CHROMIUM_PATH);
  const extensionDir = resolve(requireBuild(options.extensionDir, 'npm run build'));
  const userDataDir = await mkdtemp(join(tmpdir(), 'properso-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.extraArgs ?? []),
    ],
  });
  const close = async () => {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    await options.onContext?.(context);
    const pages = [...options.pages]; // read by the route at request time: servePage changes it
    await servePagesInChromium(context, pages);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    const extensionOrigin = `chrome-extension://${extensionId}`;
    return {
      name: 'chromium',
      context,
      extensionId,
      extensionOrigin,
      servePage: (page) => replaceServedPage(pages, page),
      async openTab(url) {
        const page = await context.newPage();
        await page.goto(url);
        return chromiumTab(page);
      },
      async openExtensionPage(path) {
        const page = await context.newPage();
        await page.goto(`${extensionOrigin}${path}`);
        return chromiumTab(page);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
