/**
 * Steps the fault tests of both browsers share: hold the inference host so that a batch is "in the
 * middle" (utils/inference/e2eHold.ts), scroll several tabs at once, and check that every post seen is
 * stored and counted exactly once, whatever broke in between.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { BrowserSession, BrowserTab } from '../../../scripts/browser/tab';
import { E2E_HELD_TEXTS_KEY, E2E_HOLD_KEY } from '../../../utils/inference/e2eHold';
import type { Message, Replies } from '../../../utils/messaging/protocol';
import type { PostRecord } from '../../../utils/storage/posts';
import { ask } from '../scenario';
import { faultCompanyPage, faultPost, type FaultPage, type FaultPost } from './feed';

/** True once `pid` has exited (gone, or a zombie its parent has not reaped yet). */
export function processGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until `done`; a probe that throws (the background restarting, the browser starting) is tried again. */
export async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (done(value)) return value;
      last = value;
    } catch (error) {
      last = `error: ${String(error).split('\n')[0]}`;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await sleep(250);
  }
}

/** A message to the background that may meet it stopped or restarting: tried again for a few seconds. */
export function askAgain<M extends Message>(popup: BrowserTab, message: M, timeoutMs = 15_000): Promise<Replies[M['type']]> {
  return eventually(`the background to answer ${message.type}`, () => ask(popup, message), () => true, timeoutMs);
}

/** From now on the inference host holds every batch before classifying it (the popup shares its localStorage). */
export async function holdInference(popup: BrowserTab): Promise<void> {
  await popup.evaluate(
    ([hold, held]) => {
      localStorage.setItem(held, '0');
      localStorage.setItem(hold, '1');
    },
    [E2E_HOLD_KEY, E2E_HELD_TEXTS_KEY] as const,
  );
}

export async function releaseInference(popup: BrowserTab): Promise<void> {
  await popup.evaluate((hold) => localStorage.removeItem(hold), E2E_HOLD_KEY);
}

/** Texts in the batches the host holds now. */
export function heldTexts(popup: BrowserTab): Promise<number> {
  return popup.evaluate((held) => Number(localStorage.getItem(held) ?? '0'), E2E_HELD_TEXTS_KEY);
}

/**
 * Scrolls a fault page to the bottom, half the window at a time, 1.5 s per step: every post is in full
 * view for one step at least, three times the 500 ms it needs (posts are short: feed.ts). The margin is
 * for five windows on a loaded 2-core machine, where Firefox delivers visibility changes late (with
 * 0.75 of a window per 800 ms, 2 posts of 54 were once missed there: seen too briefly to count).
 */
export async function scrollFeed(tab: BrowserTab): Promise<void> {
  for (;;) {
    await sleep(1500);
    const atBottom = await tab.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.round(window.innerHeight * 0.5));
      return window.scrollY === before;
    }, null);
    if (atBottom) return;
  }
}

/** Opens every page in a tab of its own, then scrolls them all at the same time. */
export async function scrollTogether(session: BrowserSession, pages: readonly FaultPage[]): Promise<BrowserTab[]> {
  const tabs: BrowserTab[] = [];
  for (const page of pages) tabs.push(await session.openTab(page.url));
  await Promise.all(tabs.map(scrollFeed));
  return tabs;
}

/**
 * Five company pages scrolled at once: ten posts of their own each, and four posts shown on two or
 * three of them (a repost, a shared article): 54 distinct posts in 60 sightings.
 */
export function overlappingPages(prefix: string, first: number): FaultPage[] {
  const own = (page: number) => Array.from({ length: 10 }, (_, i) => faultPost(first + page * 10 + i));
  const shared = [50, 51, 52, 53].map((n) => faultPost(first + n));
  const [s1, s2, s3, s4] = shared as [FaultPost, FaultPost, FaultPost, FaultPost];
  const layout: FaultPost[][] = [
    [s1, ...own(0).slice(0, 5), s4, ...own(0).slice(5)],
    [...own(1).slice(0, 3), s1, ...own(1).slice(3, 8), s2, ...own(1).slice(8)],
    [s2, ...own(2).slice(0, 6), s4, ...own(2).slice(6)],
    [...own(3), s2, s3],
    [s3, ...own(4).slice(0, 4), s4, ...own(4).slice(4)],
  ];
  return layout.map((posts, i) => faultCompanyPage(`${prefix}-${i + 1}`, `Fault test ${prefix} ${i + 1}`, posts));
}

/** Every distinct post the pages show, with the audiences it was shown in. */
export function postsShown(pages: readonly FaultPage[]): Map<string, { post: FaultPost; audiences: Set<string> }> {
  const shown = new Map<string, { post: FaultPost; audiences: Set<string> }>();
  for (const page of pages) {
    for (const post of page.posts) {
      const entry = shown.get(post.id) ?? { post, audiences: new Set<string>() };
      entry.audiences.add(page.audienceKey);
      shown.set(post.id, entry);
    }
  }
  return shown;
}

export interface HeldBatch {
  tabs: BrowserTab[];
  /** Texts the host holds (the batch in the middle). */
  held: number;
  /** Posts in the background's durable queue. */
  pending: number;
}

/**
 * Holds the host, scrolls the pages together and waits until every post seen is in the background's
 * queue, a batch is held in the host and nothing is stored yet: the moment to break something.
 */
export async function scrollIntoHeldBatch(session: BrowserSession, popup: BrowserTab, pages: readonly FaultPage[]): Promise<HeldBatch> {
  await holdInference(popup);
  const tabs = await scrollTogether(session, pages);
  const total = postsShown(pages).size;
  const { pending } = await eventually(
    `the background to queue the ${total} posts seen`,
    () => ask(popup, { to: 'background', type: 'getStorageStatus' }),
    (status) => status.pending === total,
    15_000,
  );
  const held = await eventually('the host to hold a batch', () => heldTexts(popup), (n) => n > 0, 15_000);
  expect(await ask(popup, { to: 'background', type: 'getRecentPosts', limit: 10_000 })).toHaveLength(0);
  return { tabs, held, pending };
}

/**
 * Waits until every post the pages showed is stored, then checks each is stored exactly once, under an
 * audience it was shown in, with nothing else stored, nothing left in the queue, and counts per
 * audience that add up to the records.
 */
export async function expectEachPostOnce(popup: BrowserTab, pages: readonly FaultPage[], timeoutMs = 40_000): Promise<PostRecord[]> {
  const shown = postsShown(pages);
  const recent = () => ask(popup, { to: 'background', type: 'getRecentPosts', limit: 10_000 });
  await eventually(`the ${shown.size} posts seen to be stored`, recent, (records) => records.length >= shown.size, timeoutMs);
  await eventually('the queue to be empty', () => ask(popup, { to: 'background', type: 'getStorageStatus' }), (s) => s.pending === 0, 10_000);
  const records = await recent();

  const ids = records.map((r) => r.id);
  expect(new Set(ids).size, 'a post stored twice').toBe(ids.length);
  expect([...ids].sort()).toEqual([...shown.keys()].sort());
  for (const record of records) {
    const want = shown.get(record.id);
    expect(record.text).toBe(want?.post.text);
    expect([...(want?.audiences ?? [])]).toContain(record.audience.key);
  }

  const counts = await ask(popup, { to: 'background', type: 'getCounts' });
  expect(counts.totals.posts).toBe(shown.size);
  const keys = [...new Set(records.map((r) => r.audience.key))].sort();
  expect(counts.audiences.map((row) => row.audience.key).sort()).toEqual(keys);
  for (const row of counts.audiences) {
    const mine = records.filter((r) => r.audience.key === row.audience.key);
    expect(row).toMatchObject({
      posts: mine.length,
      professional: mine.filter((r) => !r.uncertain && r.label === 'professional').length,
      personal: mine.filter((r) => !r.uncertain && r.label === 'personal').length,
      uncertain: mine.filter((r) => r.uncertain).length,
    });
  }
  return records;
}
