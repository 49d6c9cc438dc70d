/**
 * Every platform's saved pages (tests/fixtures/<id>/*.html), read in a real browser at the URLs they
 * were saved from, one after another in one browser: the counts per audience must match the pages'
 * `.expected.json` (sponsored posts recorded, marked, and left out of the counts), Mastodon pages are
 * read on servers granted at run time (the content script the background registered there), and the
 * popup shows each platform's reading health.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { SavedPage } from '../../scripts/browser/servePages';
import type { BrowserSession, BrowserTab } from '../../scripts/browser/tab';
import { PLATFORM_IDS, type PlatformId } from '../../utils/platforms/catalog';
import { ADAPTERS } from '../../utils/platforms/registry';
import type { PostRecord } from '../../utils/storage/posts';
import type { ExpectedPage } from '../utils/platforms/fixtureHarness';
import { OUTPUT_DIR, ask, scrollThroughPage, waitFor } from './scenario';

export interface PlatformPage extends SavedPage {
  name: string;
  platform: PlatformId;
  expected: ExpectedPage;
}

/** Every saved page with its expectations, platform by platform in catalog order. */
export const PLATFORM_PAGES: PlatformPage[] = PLATFORM_IDS.flatMap((platform) => {
  const dir = `tests/fixtures/${platform}`;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const name = file.replace('.expected.json', '');
      const expected = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as ExpectedPage;
      return { name: `${platform}/${name}`, platform, expected, url: expected.url, html: readFileSync(`${dir}/${name}.html`, 'utf8') };
    });
});

/**
 * Saved pages carry no site stylesheet: unsized icons and media fill the window's width (a Threads page
 * of eight posts was 43,000 px tall, so scrolling it took minutes). A feed column's width and icon-sized
 * media bring them back to the height of the live page; the markup the adapters read is unchanged.
 */
const FEED_COLUMN_CSS =
  '<style>body{max-width:640px;margin:0 auto}svg,img,video,picture,canvas{max-width:64px!important;max-height:64px!important}</style>';
const VIEWPORT = { width: 1280, height: 1600 };

/** Mastodon servers of the saved pages: granted to the test build at install (wxt.config.ts). */
const MASTODON_TEST_SERVERS = ['piaille.example', 'toot.example'];

/**
 * Waits until our content script has started on the page (test builds leave a `properso:start` User
 * Timing measure: entrypoints/content/timing.ts), so that no post is scrolled past before it watches.
 */
async function contentScriptStarted(tab: BrowserTab): Promise<boolean> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (await tab.evaluate(() => performance.getEntriesByName('properso:start').length > 0, null)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

export interface PlatformPagesResult {
  /** Audience key → posts counted, as expected. */
  counts: Record<string, number>;
  health: { platform: string; found: number; read: number; warning: boolean }[];
  ms: number;
}

export async function runPlatformPages(driver: BrowserSession): Promise<PlatformPagesResult> {
  const t0 = Date.now();
  // All eight adapters are registered, each with saved pages.
  expect(ADAPTERS.map((a) => a.id).sort()).toEqual([...PLATFORM_IDS].sort());
  expect(new Set(PLATFORM_PAGES.map((p) => p.platform))).toEqual(new Set(PLATFORM_IDS));

  const popup = await driver.openExtensionPage('/popup.html');
  await popup.setViewport({ width: 480, height: 600 });
  const allRecords = () => ask(popup, { to: 'background', type: 'getRecentPosts', limit: 100_000 });

  // Mastodon servers granted at run time get the content script the background registers.
  const servers = await waitFor(
    'the Mastodon content script on the granted servers',
    () => ask(popup, { to: 'background', type: 'getMastodonServers' }),
    (reply) => MASTODON_TEST_SERVERS.every((host) => reply.servers.some((s) => s.host === host && s.registered)),
  );
  expect(servers.servers.map((s) => s.host)).toEqual(MASTODON_TEST_SERVERS);

  const before = await allRecords();
  const known = new Set(before.map((r) => `${r.platform}:${r.id}`));
  const countsBefore = await ask(popup, { to: 'background', type: 'getCounts' });
  /** Expected: audience key → posts counted; platform:id → sponsored. */
  const expectedCounts = new Map(countsBefore.audiences.map((row) => [row.audience.key, row.posts]));
  const expectedPosts = new Map<string, { sponsored: boolean; audience: string }>();
  let expectedTotal = before.length;
  let started = 0;

  const expectedRead = new Map<PlatformId, number>();
  for (const page of PLATFORM_PAGES) {
    driver.servePage({ url: page.url, html: page.html.replace(/<\/head>/i, `${FEED_COLUMN_CSS}</head>`) });
    const tab = await driver.openTab(page.url);
    await tab.setViewport(VIEWPORT);
    if (await contentScriptStarted(tab)) started++;
    await scrollThroughPage(tab);
    for (const post of page.expected.posts) {
      const key = `${page.platform}:${post.id}`;
      if (known.has(key)) continue; // counted once, under the audience it was first seen in
      known.add(key);
      expectedTotal++;
      expectedPosts.set(key, { sponsored: post.sponsored, audience: page.expected.audience.key });
      if (!post.sponsored) expectedCounts.set(page.expected.audience.key, (expectedCounts.get(page.expected.audience.key) ?? 0) + 1);
    }
    await waitFor(`the posts of ${page.name} (${page.url})`, allRecords, (r) => r.length >= expectedTotal);
    // Health is reported at most every 2 s: wait for this page's report before closing its tab.
    expectedRead.set(page.platform, (expectedRead.get(page.platform) ?? 0) + page.expected.posts.length);
    await waitFor(
      `the reading health of ${page.name}`,
      () => ask(popup, { to: 'background', type: 'getHealth' }),
      ({ platforms }) => (platforms.find((h) => h.platform === page.platform)?.read ?? 0) >= (expectedRead.get(page.platform) ?? 0),
    );
    await tab.close();
  }
  expect(started).toBe(PLATFORM_PAGES.length);

  // Every post stored once, under the audience of its page, sponsored ones marked.
  const records: PostRecord[] = await allRecords();
  expect(records).toHaveLength(expectedTotal);
  for (const [key, want] of expectedPosts) {
    const record = records.find((r) => `${r.platform}:${r.id}` === key);
    expect(record, key).toBeDefined();
    expect({ key, audience: record?.audience.key, sponsored: record?.sponsored }).toEqual({ key, ...want });
  }

  // Counts per audience: the saved pages' posts, sponsored ones left out.
  const counts = await ask(popup, { to: 'background', type: 'getCounts' });
  const shown = Object.fromEntries(counts.audiences.map((row) => [row.audience.key, row.posts]));
  expect(shown).toEqual(Object.fromEntries(expectedCounts));
  const withAds = await ask(popup, { to: 'background', type: 'getCounts', includeSponsored: true });
  const ads = [...expectedPosts.values()].filter((p) => p.sponsored).length;
  expect(withAds.totals.posts - counts.totals.posts).toBe(ads + before.filter((r) => r.sponsored).length);

  // Reading health: every platform reported, every post read, found ≥ read.
  const { platforms } = await ask(popup, { to: 'background', type: 'getHealth' });
  expect(platforms.map((p) => p.platform)).toEqual([...PLATFORM_IDS]);
  for (const health of platforms) {
    const posts = PLATFORM_PAGES.filter((p) => p.platform === health.platform).reduce((n, p) => n + p.expected.posts.length, 0);
    expect(health.read, health.platform).toBeGreaterThanOrEqual(posts);
    expect(health.found, health.platform).toBeGreaterThanOrEqual(health.read);
  }
  // The saved pages are healthy: no "may have changed its page" warning for any platform.
  expect(platforms.filter((p) => p.warning).map((p) => p.platform)).toEqual([]);
  await popup.reload();
  const lines = await waitFor(
    'the health lines in the popup',
    () => popup.evaluate(() => [...document.querySelectorAll('.health li')].map((li) => li.getAttribute('data-platform')), null),
    (rows) => rows.length === PLATFORM_IDS.length,
  );
  expect(lines).toEqual([...PLATFORM_IDS]);
  await mkdir(OUTPUT_DIR, { recursive: true });
  await popup.screenshot(`${OUTPUT_DIR}/popup-${driver.name}-platforms.png`);
  await popup.close();

  const result: PlatformPagesResult = {
    counts: shown,
    health: platforms.map(({ platform, found, read, warning }) => ({ platform, found, read, warning })),
    ms: Date.now() - t0,
  };
  await writeFile(`${OUTPUT_DIR}/e2e-${driver.name}-platforms.json`, JSON.stringify(result, null, 2));
  return result;
}
