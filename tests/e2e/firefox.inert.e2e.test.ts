// Firefox ESR with the built extension (npm run build:e2e:firefox) over WebDriver BiDi: post text,
// authors and page titles that show HTML stay text in the page, the popup, the options page and the
// exports (tests/e2e/inert.ts).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from '../../scripts/browser/launchFirefox';
import { runInertScenario } from './inert';
import { INERT_PAGE } from './pages/inertPosts';

const EXTENSION_DIR = process.env.PROPERSO_FIREFOX_BUILD ?? '.output/firefox-mv3-e2e';

describe('Firefox ESR: HTML in posts is inert', () => {
  let session: FirefoxSession | undefined;
  beforeAll(async () => {
    session = await launchFirefox({ extensionDir: EXTENSION_DIR, pages: [INERT_PAGE] });
  });
  afterAll(async () => session?.close());

  it('shows post text, authors and audience names with HTML as text in the popup, options and exports', async () => {
    if (!session) throw new Error('Firefox did not start');
    await runInertScenario(session);
  });
});
