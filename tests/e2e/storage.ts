/**
 * Stored data under stress, in a real browser, written once for Chromium and Firefox (issue "Trust",
 * point 3). Each browser's file supplies how to open a popup with its errors watched, and how its
 * browser is made to refuse writes:
 *
 * 1. Damaged data: posts read and stored for real; then, from the popup (the extension's origin), the
 *    IndexedDB `properso` gets damaged post records and a damaged totals row, and `storage.local`
 *    garbage settings. A popup opened afterwards shows the figures of the sound posts, a notice of what
 *    was set aside (counts, kinds), and no uncaught error; dismissed, the notice stays gone.
 * 2. Storage full: the extension's origin is filled (another database of random bytes) until the
 *    browser refuses a 1 KB write with QuotaExceededError; posts scrolled then cannot be saved, and
 *    the popup says so, without crashing. Space freed (that database deleted), the tab's resends store
 *    the posts: nothing lost.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { STRINGS, fill } from '../../components/i18n';
import type { BrowserSession, BrowserTab } from '../../scripts/browser/tab';
import { COMPANY_POSTS, COMPANY_URL, FEED_POSTS, FEED_URL } from './pages/posts';
import { ask, OUTPUT_DIR, waitFor } from './scenario';

/** A popup tab and the errors its driver reported (page errors, console errors) since it opened. */
export interface WatchedPopup {
  tab: BrowserTab;
  driverErrors: string[];
}

export interface StorageDriver {
  session: BrowserSession;
  openPopup(): Promise<WatchedPopup>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every error the popup shows or counted (error boundary, uncaught errors, unhandled rejections) and its driver saw. */
export async function popupErrors(popup: WatchedPopup): Promise<string[]> {
  const inPage = await popup.tab.evaluate(() => {
    const out: string[] = [];
    const crashed = document.querySelector('[data-crashed]');
    if (crashed) out.push(`error boundary: ${crashed.textContent ?? ''}`);
    const uncaught = document.documentElement.dataset.uncaughtErrors;
    if (uncaught) out.push(`${uncaught} uncaught errors or unhandled rejections (data-uncaught-errors)`);
    return out;
  }, null);
  return [...inPage, ...popup.driverErrors];
}

/** waitFor on the popup, failing at once (with what) when the popup shows or counted an error. */
async function waitInPopup<T>(popup: WatchedPopup, what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs?: number): Promise<T> {
  return waitFor(
    what,
    async () => {
      const errors = await popupErrors(popup);
      if (errors.length > 0) throw new Error(`The popup failed while waiting for ${what}: ${errors.join(' | ')}`);
      return probe();
    },
    done,
    timeoutMs,
  );
}

/** Brings every post of the tab to the middle of the window for 800 ms (more than the 500 ms a post needs). */
async function scrollThroughPosts(tab: BrowserTab): Promise<number> {
  const count = await tab.evaluate(() => document.querySelectorAll('[role="listitem"]').length, null);
  for (let i = 0; i < count; i++) {
    await tab.evaluate((index) => document.querySelectorAll('[role="listitem"]')[index]?.scrollIntoView({ block: 'center' }), i);
    await sleep(800);
  }
  return count;
}

function tableRows(tab: BrowserTab): Promise<string[][]> {
  return tab.evaluate(
    () => [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    null,
  );
}

function noticeTexts(tab: BrowserTab, selector: string): Promise<string[]> {
  return tab.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => el.textContent?.trim() ?? ''), selector);
}

/**
 * Runs in the popup: damages the stored data as a disk error, an old bug or a hand edit would. Post
 * records are copies of a stored one with one thing wrong (one also carries a human label, so the
 * popup's own read path meets it), the totals row of the feed gets a negative count, and three settings
 * get values of the wrong shape. Returns how many post records were planted.
 */
function plantDamage(): Promise<number> {
  const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
  const done = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onabort = () => reject(tx.error))));
  return (async () => {
    const db = await request(indexedDB.open('properso'));
    const read = db.transaction(['posts', 'aggregates'], 'readonly');
    const [base] = (await request(read.objectStore('posts').getAll(null, 1))) as Record<string, unknown>[];
    const row = (await request(read.objectStore('aggregates').get('linkedin:feed'))) as Record<string, unknown>;
    if (!base || !row) throw new Error('Nothing stored to damage');
    const damaged: Record<string, unknown>[] = [
      { ...base, id: 'e2e-damaged-label', label: 'banana', humanLabel: 'professional', humanLabelledAt: Date.now() },
      { ...base, id: 'e2e-damaged-probability', pProfessional: Number.NaN },
      { ...base, id: 'e2e-damaged-probability-range', pProfessional: 7 },
      { ...base, id: 'e2e-damaged-seen-at', seenAt: 'yesterday' },
      { ...base, id: 'e2e-damaged-no-seen-at', seenAt: undefined },
      { ...base, id: 'e2e-damaged-audience', audience: undefined },
      { ...base, id: 'e2e-damaged-text', text: 42 },
      { platform: 'linkedin', id: 'e2e-damaged-garbage', junk: [1, 2, 3] },
    ];
    const tx = db.transaction(['posts', 'aggregates'], 'readwrite');
    for (const record of damaged) tx.objectStore('posts').put(record);
    tx.objectStore('aggregates').put({ ...row, posts: -5 });
    await done(tx);
    db.close();
    type Api = { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
    const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
    await api.storage.local.set({ preferences: 'garbage', audienceDefinitions: { renames: 5, merges: [], authorAudiences: 'none' }, uiLanguage: 42 });
    return damaged.length;
  })();
}

export async function runCorruptionScenario(driver: StorageDriver): Promise<void> {
  const { session } = driver;
  const first = await driver.openPopup();
  const feed = await session.openTab(FEED_URL);
  expect(await scrollThroughPosts(feed)).toBe(FEED_POSTS.length);
  await waitFor('the feed posts to be stored', () => ask(first.tab, { to: 'background', type: 'getRecentPosts', limit: 100 }), (r) => r.length >= FEED_POSTS.length);
  const before = await ask(first.tab, { to: 'background', type: 'getCounts' });
  expect(before.audiences.map((a) => [a.audience.key, a.posts])).toEqual([['linkedin:feed', FEED_POSTS.filter((p) => !p.promoted).length]]);
  // The table of the sound posts, as getCounts gives it (the popup polls: wait for the last post).
  const shownBefore = before.audiences.map((a) => [a.audience.label, String(a.posts), String(a.professional), String(a.personal), String(a.uncertain)]);
  await waitInPopup(first, 'the popup table', () => tableRows(first.tab), (rows) => JSON.stringify(rows) === JSON.stringify(shownBefore));
  expect(await popupErrors(first)).toEqual([]);

  const planted = await first.tab.evaluate(plantDamage, null);
  await first.tab.close();
  await feed.close();

  // A popup opened now: the sound posts' figures, the notice, no error.
  const popup = await driver.openPopup();
  const s = STRINGS.en;
  const notice = await waitInPopup(
    popup,
    'the notice of damaged data',
    () => noticeTexts(popup.tab, '[data-notice="storage-problems"] [data-problem]'),
    (texts) => texts.length === 3,
    20_000,
  );
  expect(notice).toEqual([
    fill(s.damagedPostsMany, { n: planted }),
    s.damagedTotals,
    fill(s.damagedSettings, { settings: [s.settingPreferences, s.settingAudienceDefinitions, s.settingUiLanguage].join(', ') }),
  ]);
  expect(await waitInPopup(popup, 'the sound posts’ figures', () => tableRows(popup.tab), (rows) => JSON.stringify(rows) === JSON.stringify(shownBefore))).toEqual(shownBefore);
  expect(await popup.tab.evaluate(() => document.querySelectorAll('.audience-card').length, null)).toBe(1);
  expect(await ask(popup.tab, { to: 'background', type: 'getCounts' })).toEqual(before);
  const problems = await ask(popup.tab, { to: 'background', type: 'getStorageProblems' });
  expect(problems).toMatchObject({ posts: planted, totals: 1 });
  expect(problems.settings.sort()).toEqual(['audienceDefinitions', 'preferences', 'uiLanguage']);
  await mkdir(OUTPUT_DIR, { recursive: true });
  await popup.tab.screenshot(`${OUTPUT_DIR}/popup-damaged-${session.name}.png`);
  expect(await popupErrors(popup)).toEqual([]);

  // Dismissed: gone, and still gone in the next popup.
  await popup.tab.evaluate(() => (document.querySelector('[data-action="dismiss-problems"]') as HTMLButtonElement | null)?.click(), null);
  await waitInPopup(popup, 'the notice to go', () => noticeTexts(popup.tab, '[data-notice="storage-problems"]'), (texts) => texts.length === 0);
  expect(await popupErrors(popup)).toEqual([]);
  await popup.tab.close();
  const later = await driver.openPopup();
  await waitInPopup(later, 'the popup table', () => tableRows(later.tab), (rows) => rows.length === 1);
  await sleep(2_000); // a poll or two
  expect(await noticeTexts(later.tab, '[data-notice="storage-problems"]')).toEqual([]);
  expect(await popupErrors(later)).toEqual([]);
  await later.tab.close();
}

/** The database that fills the extension's storage (deleted to free the space again). */
const FILLER_DB = 'properso-e2e-filler';

/**
 * Runs in the popup: writes random bytes (incompressible) into a database of the extension's origin,
 * in smaller and smaller pieces, until the browser refuses even 1 KB. Returns the bytes written and the
 * name of the last refusal (at most `maxBytes`, then it gives up with `refused: null`).
 */
function fillStorage(args: { name: string; maxBytes: number }): Promise<{ bytes: number; refused: string | null }> {
  const write = (size: number) =>
    new Promise<string | null>((resolve, reject) => {
      const open = indexedDB.open(args.name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('filler', { autoIncrement: true });
      open.onerror = () => resolve(open.error?.name ?? 'open failed');
      open.onsuccess = () => {
        const db = open.result;
        try {
          const tx = db.transaction('filler', 'readwrite');
          const bytes = new Uint8Array(size);
          for (let i = 0; i < size; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
          tx.objectStore('filler').add(bytes);
          tx.oncomplete = () => (db.close(), resolve(null));
          tx.onabort = () => (db.close(), resolve(tx.error?.name ?? 'AbortError'));
        } catch (error) {
          db.close();
          reject(error);
        }
      };
    });
  return (async () => {
    let bytes = 0;
    let refused: string | null = null;
    for (const size of [4_000_000, 1_000_000, 250_000, 60_000, 15_000, 4_000, 1_000]) {
      for (;;) {
        if (bytes > args.maxBytes) return { bytes, refused: null };
        refused = await write(size);
        if (refused) break;
        bytes += size;
      }
    }
    return { bytes, refused };
  })();
}

function freeStorage(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`${name} is still open`));
  });
}

export async function runStorageFullScenario(driver: StorageDriver): Promise<{ filledBytes: number; refusedMs: number; arrivedMs: number }> {
  const { session } = driver;
  const s = STRINGS.en;
  const popup = await driver.openPopup();
  const recent = () => ask(popup.tab, { to: 'background', type: 'getRecentPosts', limit: 200 });
  const companyPosts = async () => (await recent()).filter((r) => r.audience.key === 'linkedin:page:atelier-nordique-e2e');
  expect(await ask(popup.tab, { to: 'background', type: 'getStorageStatus' })).toEqual({ pending: 0, full: null });
  expect(await companyPosts()).toEqual([]);
  const rowsBefore = (await waitInPopup(popup, 'the popup table', () => tableRows(popup.tab), (rows) => rows.length > 0)).length;

  const filled = await popup.tab.evaluate(fillStorage, { name: FILLER_DB, maxBytes: 400_000_000 });
  expect(filled.refused, `the browser never refused a write (${filled.bytes} bytes written)`).toBe('QuotaExceededError');

  // Posts scrolled now cannot be saved: the popup says so, and goes on showing what it has.
  const t0 = Date.now();
  const company = await session.openTab(COMPANY_URL);
  expect(await scrollThroughPosts(company)).toBe(COMPANY_POSTS.length);
  const full = await waitInPopup(popup, 'the storage-full notice', () => noticeTexts(popup.tab, '[data-notice="storage-full"] p'), (texts) => texts.length === 1, 20_000);
  const refusedMs = Date.now() - t0;
  expect(full).toEqual([s.storageFull]);
  const status = await ask(popup.tab, { to: 'background', type: 'getStorageStatus' });
  expect(status.full?.at).toBeGreaterThan(0);
  expect(await companyPosts()).toEqual([]);
  expect((await tableRows(popup.tab)).length).toBe(rowsBefore); // the figures already stored are still shown
  await mkdir(OUTPUT_DIR, { recursive: true });
  await popup.tab.screenshot(`${OUTPUT_DIR}/popup-storage-full-${session.name}.png`);
  expect(await popupErrors(popup)).toEqual([]);

  // Space freed: the tab sends the same batches again (entrypoints/content/reader.ts), they are stored.
  const t1 = Date.now();
  await popup.tab.evaluate(freeStorage, FILLER_DB);
  const arrived = await waitFor('the company posts to arrive', companyPosts, (r) => r.length === COMPANY_POSTS.length, 45_000);
  const arrivedMs = Date.now() - t1;
  expect(arrived.map((r) => r.text).sort()).toEqual(COMPANY_POSTS.map((p) => p.text.replace(/\s+/g, ' ').trim()).sort());
  await waitInPopup(popup, 'the storage-full notice to go', () => noticeTexts(popup.tab, '[data-notice="storage-full"]'), (texts) => texts.length === 0);
  expect(await ask(popup.tab, { to: 'background', type: 'getStorageStatus' })).toEqual({ pending: 0, full: null });
  await waitInPopup(popup, 'the company’s row in the popup', () => tableRows(popup.tab), (rows) => rows.length === rowsBefore + 1);
  expect(await popupErrors(popup)).toEqual([]);
  await company.close();
  await popup.tab.close();
  return { filledBytes: filled.bytes, refusedMs, arrivedMs };
}

/**
 * A small filesystem for Chromium's profile: Chromium's quota follows the disk its profile is on, and it
 * ignores DevTools' quota override (`Storage.overrideQuotaForOrigin`) for extension origins (tried:
 * accepted, reported active, every write still succeeds). PROPERSO_SMALL_DISK names a directory on a
 * filesystem of about 100 MB; otherwise a 96 MB tmpfs is mounted (root only), and unmounted by `remove`.
 */
export async function smallDisk(): Promise<{ path: string; remove(): Promise<void> }> {
  const given = process.env.PROPERSO_SMALL_DISK;
  if (given) return { path: given, remove: async () => undefined };
  const path = await mkdtemp(join(tmpdir(), 'properso-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', path], { stdio: 'pipe' });
  } catch (error) {
    await rm(path, { recursive: true, force: true });
    throw new Error(
      'The Chromium storage-full test needs a small filesystem for the browser profile: run it as root (it mounts a 96 MB tmpfs), ' +
        `or set PROPERSO_SMALL_DISK to a directory on a filesystem of about 100 MB. mount said: ${String(error).split('\n')[0]}`,
      { cause: error },
    );
  }
  return {
    path,
    async remove() {
      execFileSync('umount', [path], { stdio: 'pipe' });
      await rm(path, { recursive: true, force: true });
    },
  };
}
