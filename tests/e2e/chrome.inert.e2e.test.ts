// Chromium with the built extension (npm run build:e2e): post text, authors and page titles that show
// HTML stay text in the page, the popup, the options page and the exports (tests/e2e/inert.ts).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../scripts/browser/launchChromium';
import { runInertScenario } from './inert';
import { INERT_PAGE } from './pages/inertPosts';

const EXTENSION_DIR = process.env.PROPERSO_CHROME_BUILD ?? '.output/chrome-mv3-e2e';

describe('Chromium: HTML in posts is inert', () => {
  let session: ChromiumSession | undefined;
  beforeAll(async () => {
    session = await launchChromium({ extensionDir: EXTENSION_DIR, pages: [INERT_PAGE] });
  });
  afterAll(async () => session?.close());

  it('shows post text, authors and audience names with HTML as text in the popup, options and exports', async () => {
    if (!session) throw new Error('Chromium did not start');
    await runInertScenario(session);
  });
});
