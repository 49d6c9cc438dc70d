// Firefox ESR with the built extension (npm run build:e2e:firefox) over WebDriver BiDi: the same
// scenario as Chromium, with the model hosted in the MV3 background page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from '../../scripts/browser/launchFirefox';
import { PAGES, runScenario } from './scenario';

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
});
