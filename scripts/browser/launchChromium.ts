/**
 * Starts Chromium with a built extension loaded (extensions load in the new headless mode) and finds
 * the extension's id from its service worker URL. Web pages are served by servePages, never fetched.
 * The fault tests (tests/e2e/chrome.faults.e2e.test.ts) keep the profile, kill the browser process and
 * start Chromium again on the same profile: `userDataDir`, `pid` and `kill`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, requireBrowser, requireBuild } from './browsers';
import { replaceServedPage, servePagesInChromium, type SavedPage } from './servePages';
import type { BrowserSession, BrowserTab } from './tab';

export interface ChromiumSession extends BrowserSession {
  context: BrowserContext;
  extensionId: string;
  /** The profile; deleted by `close` unless the caller gave it (`userDataDir` option). */
  userDataDir: string;
  /** The browser process (not its renderers or utility processes); Linux only. */
  readonly pid: number;
  /** SIGKILL of the browser process, as a crash or a power cut would stop it; resolves once the context is gone. */
  kill(): Promise<void>;
}

/**
 * The browser process of the Chromium started on `userDataDir`: the one whose command line has that
 * profile and no `--type=` (renderers, GPU and utility processes all have one). Playwright does not
 * expose the pid of a persistent context; the profile path is unique to this launch. Linux (/proc).
 */
export function chromiumBrowserPid(userDataDir: string): number {
  const pids = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      let args: string[];
      try {
        args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      } catch {
        return false; // exited meanwhile
      }
      return args.includes(`--user-data-dir=${userDataDir}`) && !args.some((arg) => arg.startsWith('--type='));
    })
    .map(Number);
  if (pids.length !== 1) throw new Error(`Expected one Chromium browser process on ${userDataDir}, found ${pids.length}`);
  return pids[0] as number;
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
  /**
   * Profile to start on (created when missing) and keep: the caller deletes it. A second launch on the
   * same profile and build finds the same extension id, storage and IndexedDB. Default: a fresh
   * temporary profile, deleted by `close`.
   */
  userDataDir?: string;
}): Promise<ChromiumSession> {
  const executablePath = requireBrowser('Chromium', CHROMIUM_PATH);
  const extensionDir = resolve(requireBuild(options.extensionDir, 'npm run build'));
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = ownProfile ? await mkdtemp(join(tmpdir(), 'properso-chromium-')) : resolve(options.userDataDir as string);
  if (!ownProfile) await mkdir(userDataDir, { recursive: true });
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
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  const close = async () => {
    await context.close();
    if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    await options.onContext?.(context);
    const pages = [...options.pages]; // read by the route at request time: servePage changes it
    await servePagesInChromium(context, pages);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    const extensionOrigin = `chrome-extension://${extensionId}`;
    let pid: number | undefined; // looked up when first asked for (only the fault tests need it)
    const browserPid = () => (pid ??= chromiumBrowserPid(userDataDir));
    return {
      name: 'chromium',
      context,
      extensionId,
      extensionOrigin,
      userDataDir,
      get pid() {
        return browserPid();
      },
      async kill() {
        process.kill(browserPid(), 'SIGKILL');
        await closed;
      },
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
