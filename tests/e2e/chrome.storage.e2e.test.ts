// Chromium with the built extension (npm run build:e2e): damaged stored data is set aside and reported,
// never a crash; storage full is said clearly and loses nothing (tests/e2e/storage.ts). The profile
// lives on a small filesystem so that the browser really refuses writes (see smallDisk).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumTab, launchChromium, type ChromiumSession } from '../../scripts/browser/launchChromium';
import { PAGES } from './scenario';
import { runCorruptionScenario, runStorageFullScenario, smallDisk, type StorageDriver, type WatchedPopup } from './storage';

const EXTENSION_DIR = process.env.PROPERSO_CHROME_BUILD ?? '.output/chrome-mv3-e2e';

describe('Chromium: stored data', () => {
  let session: ChromiumSession | undefined;
  let disk: Awaited<ReturnType<typeof smallDisk>> | undefined;
  let driver: StorageDriver | undefined;
  beforeAll(async () => {
    disk = await smallDisk();
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = disk.path; // launchChromium makes its profile under tmpdir()
    try {
      session = await launchChromium({ extensionDir: EXTENSION_DIR, pages: PAGES });
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
    const context = session.context;
    const origin = session.extensionOrigin;
    driver = {
      session,
      async openPopup(): Promise<WatchedPopup> {
        const page = await context.newPage();
        const driverErrors: string[] = [];
        page.on('pageerror', (error) => driverErrors.push(`page error: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') driverErrors.push(`console error: ${message.text()}`);
        });
        await page.goto(`${origin}/popup.html`);
        await page.setViewportSize({ width: 480, height: 600 });
        return { tab: chromiumTab(page), driverErrors };
      },
    };
  });
  afterAll(async () => {
    await session?.close();
    await disk?.remove();
  });

  it('sets damaged records and settings aside, shows the sound posts’ figures and says what it did, without an error', async () => {
    if (!driver) throw new Error('Chromium did not start');
    await runCorruptionScenario(driver);
  });

  it('says clearly when storage is full, without an error, and stores the posts once space is freed', async () => {
    if (!driver) throw new Error('Chromium did not start');
    const { filledBytes, refusedMs, arrivedMs } = await runStorageFullScenario(driver);
    console.info(`Chromium: refused writes after ${(filledBytes / 1e6).toFixed(1)} MB; notice ${refusedMs} ms after scrolling; posts stored ${arrivedMs} ms after space was freed`);
  });
});
