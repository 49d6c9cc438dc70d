// Firefox ESR with the built extension (npm run build:e2e:firefox): the same stored-data scenarios as
// Chromium (tests/e2e/storage.ts). Temporary storage is capped by a pref (50 MB in all, so 10 MB per
// site, the smallest group limit) so that filling it makes Firefox refuse writes.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Target } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from '../../scripts/browser/launchFirefox';
import { PAGES } from './scenario';
import { runCorruptionScenario, runStorageFullScenario, type StorageDriver, type WatchedPopup } from './storage';

const EXTENSION_DIR = process.env.PROPERSO_FIREFOX_BUILD ?? '.output/firefox-mv3-e2e';

describe('Firefox ESR: stored data', () => {
  let session: FirefoxSession | undefined;
  let driver: StorageDriver | undefined;
  beforeAll(async () => {
    session = await launchFirefox({
      extensionDir: EXTENSION_DIR,
      pages: PAGES,
      extraPrefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': 50 * 1024 }, // KB
    });
    const firefox = session;
    driver = {
      session: firefox,
      async openPopup(): Promise<WatchedPopup> {
        // BiDi reports no console or page error of extension pages (tried); listened to all the same,
        // and the popup counts its own uncaught errors (entrypoints/popup/uncaught.ts).
        const driverErrors: string[] = [];
        const watch = async (target: Target) => {
          const page = await target.page();
          page?.on('pageerror', (error) => driverErrors.push(`page error: ${String(error)}`));
          page?.on('console', (message) => {
            if (message.type() === 'error') driverErrors.push(`console error: ${message.text()}`);
          });
        };
        firefox.browser.once('targetcreated', (target: Target) => void watch(target));
        const tab = await firefox.openExtensionPage('/popup.html');
        await tab.setViewport({ width: 480, height: 600 });
        return { tab, driverErrors };
      },
    };
  });
  afterAll(async () => session?.close());

  it('sets damaged records and settings aside, shows the sound posts’ figures and says what it did, without an error', async () => {
    if (!driver) throw new Error('Firefox did not start');
    await runCorruptionScenario(driver);
  });

  it('says clearly when storage is full, without an error, and stores the posts once space is freed', async () => {
    if (!driver) throw new Error('Firefox did not start');
    const { filledBytes, refusedMs, arrivedMs } = await runStorageFullScenario(driver);
    console.info(`Firefox: refused writes after ${(filledBytes / 1e6).toFixed(1)} MB; notice ${refusedMs} ms after scrolling; posts stored ${arrivedMs} ms after space was freed`);
  });
});
