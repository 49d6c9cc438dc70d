// Chromium with the built extension (npm run build:e2e): posts on LinkedIn pages served at their real
// URLs are read, classified in the offscreen document by the real model, counted once across tabs and
// shown in the popup; then every platform's saved pages are read and counted per audience (one browser
// launch, pages in sequence: platformPages.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../scripts/browser/launchChromium';
import { runPlatformPages } from './platformPages';
import { PAGES, runScenario } from './scenario';
import { runFiguresScenario } from './figures';

const EXTENSION_DIR = process.env.PROPERSO_CHROME_BUILD ?? '.output/chrome-mv3-e2e';

describe('Chromium', () => {
  let session: ChromiumSession | undefined;
  beforeAll(async () => {
    session = await launchChromium({ extensionDir: EXTENSION_DIR, pages: PAGES });
  });
  afterAll(async () => session?.close());

  it('reads, classifies, counts and shows the posts seen', async () => {
    if (!session) throw new Error('Chromium did not start');
    const { status } = await runScenario(session);
    expect(status.host?.host).toBe('offscreen-document');
    expect(status.firstClassificationMs).toBeGreaterThan(0);
    console.info(
      `Chromium: first classification ${status.firstClassificationMs?.toFixed(0)} ms ` +
        `(model load ${status.host?.modelLoadMs?.toFixed(0)} ms, host first batch ${status.host?.firstBatchMs?.toFixed(0)} ms)`,
    );
  });

  it('shows shares, intervals, verdicts and corrected shares in English and French; labels change the agreement; exports validate', async () => {
    if (!session) throw new Error('Chromium did not start');
    await runFiguresScenario(session);
  });

  it('reads every platform’s saved pages and counts them per audience', async () => {
    if (!session) throw new Error('Chromium did not start');
    const { counts, health, ms } = await runPlatformPages(session);
    console.info(`Chromium: ${Object.keys(counts).length} audiences from every platform’s saved pages in ${(ms / 1000).toFixed(0)} s; ` +
      health.map((h) => `${h.platform} ${h.read}/${h.found}`).join(', '));
  }, 600_000);
});
