// Firefox ESR (npm run build:e2e:firefox), "nothing lost": every post seen is stored and counted exactly
// once when five windows scroll at the same time, when Firefox terminates the background page (which is
// also the inference host) in the middle of a batch, and when the browser is killed with posts waiting
// and started again on the same profile (the temporary add-on installed again, its storage kept).
// Catches a background that classifies before it queues, forgets its queue at start, and double counting.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from '../../scripts/browser/launchFirefox';
import type { BrowserTab } from '../../scripts/browser/tab';
import { faultPages, type FaultPage } from './faults/feed';
import { backgroundState, FIREFOX_SYSTEM_ACCESS_ARGS, terminateBackground } from './faults/firefoxFaults';
import {
  eventually,
  expectEachPostOnce,
  overlappingPages,
  processGone,
  releaseInference,
  scrollIntoHeldBatch,
  scrollTogether,
} from './faults/scenario';

const EXTENSION_DIR = process.env.PROPERSO_FIREFOX_BUILD ?? '.output/firefox-mv3-e2e';

describe('Firefox ESR: nothing lost', () => {
  let session: FirefoxSession | undefined;
  let profile: string | undefined;
  afterEach(async () => {
    await session?.close().catch(() => undefined);
    session = undefined;
    if (profile) await rm(profile, { recursive: true, force: true });
    profile = undefined;
  });

  async function start(pages: readonly FaultPage[], profileDir?: string): Promise<{ session: FirefoxSession; popup: BrowserTab }> {
    // A window per page: Firefox does not render background tabs, so their posts would never be seen.
    session = await launchFirefox({ extensionDir: EXTENSION_DIR, pages, profileDir, ownWindows: true, extraArgs: FIREFOX_SYSTEM_ACCESS_ARGS });
    return { session, popup: await session.openExtensionPage('/popup.html') };
  }

  it('counts each post once when five windows scroll at the same time, some posts in several', async () => {
    const pages = overlappingPages('five-windows', 100);
    const { session, popup } = await start(pages);
    await scrollTogether(session, pages);
    await expectEachPostOnce(popup, pages);
  });

  it('loses nothing when the background page is terminated in the middle of a batch', async () => {
    const pages = faultPages({ prefix: 'background-stop', count: 2, perPage: 8, first: 200 });
    const { session, popup } = await start(pages);
    const { tabs, held, pending } = await scrollIntoHeldBatch(session, popup, pages);
    expect(held).toBeGreaterThan(0);
    expect(pending).toBe(16);
    // The windows are closed first, so none can send its posts again: only the background's queue has them.
    for (const tab of tabs) await tab.close();
    expect(await backgroundState(session.browser)).toBe('running');
    expect(await terminateBackground(session.browser)).toBe('stopped');
    await releaseInference(popup);
    await expectEachPostOnce(popup, pages);
    await eventually('the background to run again', () => backgroundState(session.browser), (state) => state === 'running');
  });

  it('loses nothing when the browser is killed with posts waiting, and starts again on the same profile', async () => {
    const pages = faultPages({ prefix: 'browser-kill', count: 2, perPage: 8, first: 400 });
    profile = await mkdtemp(join(tmpdir(), 'properso-faults-firefox-'));
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
