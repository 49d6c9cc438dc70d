// Chromium (npm run build:e2e), "nothing lost": every post seen is stored and counted exactly once when
// five tabs scroll at the same time, when the service worker is stopped or the offscreen document (the
// inference host) is closed in the middle of a batch, and when the browser is killed with posts waiting
// and started again on the same profile. Catches a background that classifies before it queues, forgets
// its queue at start, a client that does not re-create the host, and double counting across tabs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../scripts/browser/launchChromium';
import type { BrowserTab } from '../../scripts/browser/tab';
import { closeOffscreenDocument, expectFreshServiceWorker, offscreenTargets, stopServiceWorker } from './faults/chromeFaults';
import { faultPages, type FaultPage } from './faults/feed';
import { expectEachPostOnce, overlappingPages, processGone, releaseInference, scrollIntoHeldBatch, scrollTogether } from './faults/scenario';

const EXTENSION_DIR = process.env.PROPERSO_CHROME_BUILD ?? '.output/chrome-mv3-e2e';

describe('Chromium: nothing lost', () => {
  let session: ChromiumSession | undefined;
  let profile: string | undefined;
  afterEach(async () => {
    await session?.close().catch(() => undefined);
    session = undefined;
    if (profile) await rm(profile, { recursive: true, force: true });
    profile = undefined;
  });

  async function start(pages: readonly FaultPage[], userDataDir?: string): Promise<{ session: ChromiumSession; popup: BrowserTab }> {
    session = await launchChromium({ extensionDir: EXTENSION_DIR, pages, userDataDir });
    return { session, popup: await session.openExtensionPage('/popup.html') };
  }

  it('counts each post once when five tabs scroll at the same time, some posts in several tabs', async () => {
    const pages = overlappingPages('five-tabs', 100);
    const { session, popup } = await start(pages);
    await scrollTogether(session, pages);
    await expectEachPostOnce(popup, pages);
  });

  it('loses nothing when the service worker is stopped in the middle of a batch', async () => {
    const pages = faultPages({ prefix: 'worker-stop', count: 2, perPage: 8, first: 200 });
    const { session, popup } = await start(pages);
    const { tabs, held, pending } = await scrollIntoHeldBatch(session, popup, pages);
    expect(held).toBeGreaterThan(0);
    expect(pending).toBe(16);
    // The tabs are closed first, so none can send its posts again: only the background's queue has them.
    for (const tab of tabs) await tab.close();
    await stopServiceWorker(session);
    await releaseInference(popup);
    await expectEachPostOnce(popup, pages);
    await expectFreshServiceWorker(session);
  });

  it('loses nothing when the offscreen document is closed in the middle of a batch', async () => {
    const pages = faultPages({ prefix: 'offscreen-close', count: 2, perPage: 8, first: 300 });
    const { session, popup } = await start(pages);
    const { tabs } = await scrollIntoHeldBatch(session, popup, pages);
    for (const tab of tabs) await tab.close(); // no tab can send its posts again
    const closed = await closeOffscreenDocument(session);
    await releaseInference(popup);
    await expectEachPostOnce(popup, pages);
    // Classified in a new offscreen document.
    const now = await offscreenTargets(session);
    expect(now).toHaveLength(1);
    expect(now).not.toContain(closed);
  });

  it('loses nothing when the browser is killed with posts waiting, and starts again on the same profile', async () => {
    const pages = faultPages({ prefix: 'browser-kill', count: 2, perPage: 8, first: 400 });
    profile = await mkdtemp(join(tmpdir(), 'properso-faults-chromium-'));
    const first = await start(pages, profile);
    await scrollIntoHeldBatch(first.session, first.popup, pages);
    const { pid } = first.session;
    await first.session.kill();
    expect(processGone(pid), 'the browser process is gone').toBe(true);
    session = undefined;

    // Nothing served now: a tab restored by the browser could not show the posts again.
    const again = await start([], profile);
    expect(again.session.pid).not.toBe(pid);
    await releaseInference(again.popup); // localStorage may have kept the hold
    await expectEachPostOnce(again.popup, pages);
  });
});
