// Firefox ESR with the built extension (npm run build:e2e:firefox) over WebDriver BiDi: the same
// scenarios as Chromium (invented LinkedIn pages, then every platform's saved pages), with the model
// hosted in the MV3 background page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from '../../scripts/browser/launchFirefox';
import { runPlatformPages } from './platformPages';
import { PAGES, runScenario } from './scenario';
import { runFiguresScenario } from './figures';

const EXTENSION_DIR = process.env.PROPERSO_FIREFOX_BUILD ?? '.output/firefox-mv3-e2e';

describe('Firefox ESR', () => {
  let session: FirefoxSession | undefined;
  beforeAll(async () => {
    session = await launchFirefox({ extensionDir: EXTENSION_DIR, pages: PAGES });
  });
  afterAll(async () => session?.close());

  it('reads, classifies, counts and shows the posts seen', async () => {
    if (!session) throw new Error('Firefox did not start');
    const { status } = await runScenario(session);
    expect(status.host?.host).toBe('background-page');
    expect(status.firstClassificationMs).toBeGreaterThan(0);
    console.info(
      `Firefox: first classification ${status.firstClassificationMs?.toFixed(0)} ms ` +
        `(model load ${status.host?.modelLoadMs?.toFixed(0)} ms, host first batch ${status.host?.firstBatchMs?.toFixed(0)} ms)`,
    );
  });

  it('shows shares, intervals, verdicts and corrected shares in English and French; labels change the agreement; exports validate', async () => {
    if (!session) throw new Error('Firefox did not start');
    await runFiguresScenario(session);
  });

  it('reads every platform’s saved pages and counts them per audience', async () => {
    if (!session) throw new Error('Firefox did not start');
    const { counts, health, ms } = await runPlatformPages(session);
    console.info(`Firefox: ${Object.keys(counts).length} audiences from every platform’s saved pages in ${(ms / 1000).toFixed(0)} s; ` +
      health.map((h) => `${h.platform} ${h.read}/${h.found}`).join(', '));
  }, 600_000);
});
