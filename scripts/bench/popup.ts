/**
 * The popup with 100,000 stored posts (budget: open in under 200 ms; docs/BENCHMARKS.md, "Popup").
 *
 * 1. Node, fake-indexeddb: the background's `getSummary` work (running totals read and checked
 *    against the store, human labels read, figures computed), median of runs; the same figures
 *    computed the naive way (every post read, statistics on the posts) as the baseline; the one-time
 *    rebuild of the totals; adding a batch of 20 posts with its totals update.
 * 2. Chromium, the e2e build (npm run build:e2e), when present: 100,000 synthetic posts written into
 *    the extension's IndexedDB from its own page, then the popup opened again and again: time from
 *    navigation start to the figures on screen (`performance.mark('properso:figures-shown')`), and
 *    the background's own `computedMs`.
 *
 * `npx tsx scripts/bench/popup.ts [--posts 100000] [--runs 7] [--no-browser]`
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import modelMeta from '../../models/properso.json';
import { authorWeightedShare } from '../../utils/statistics/authorWeightedShare';
import { stratifiedRoganGladen } from '../../utils/statistics/stratifiedCorrection';
import { errorRatesFor } from '../../utils/statistics/agreement';
import { trendByDay } from '../../utils/statistics/trendByDay';
import { wilsonInterval } from '../../utils/statistics/wilson';
import { authorKey, currentTimeZone, isLabelled, loadAggregates, rebuildAggregates } from '../../utils/storage/aggregates';
import { openDatabase, POSTS_STORE } from '../../utils/storage/db';
import { addNewPosts, type PostRecord } from '../../utils/storage/posts';
import { humanLabelledPosts } from '../../utils/storage/review';
import { computeSummary, LANGS } from '../../utils/summary/summary';
import { syntheticRecords } from '../../utils/summary/synthetic';
import { CHROMIUM_PATH } from '../browser/browsers';

globalThis.IDBKeyRange ??= IDBKeyRange as unknown as typeof globalThis.IDBKeyRange;
const MODEL = `${modelMeta.id}@${modelMeta.version}`;
const E2E_BUILD = '.output/chrome-mv3-e2e';

export interface PopupBenchResult {
  posts: number;
  audiences: number;
  node: { summaryMedianMs: number; summaryMaxMs: number; naiveMedianMs: number; rebuildMs: number; addBatchOf20Ms: number };
  chromium:
    | { openMedianMs: number; openMaxMs: number; loadedMedianMs: number; backgroundMedianMs: number; baselineOpenMedianMs: number; firstRebuildMs: number; runs: number }
    | { skipped: string };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

async function seed(db: IDBDatabase, records: readonly PostRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 5000) {
    const tx = db.transaction(POSTS_STORE, 'readwrite');
    for (const r of records.slice(i, i + 5000)) tx.objectStore(POSTS_STORE).put(r);
    await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = reject)));
  }
}

/** The figures without running totals: every post read, the statistics run on the posts. */
async function naiveSummary(db: IDBDatabase, timeZone: string): Promise<number> {
  const tx = db.transaction(POSTS_STORE, 'readonly');
  const request = tx.objectStore(POSTS_STORE).index('bySeenAt').getAll();
  const records = await new Promise<PostRecord[]>((resolve) => (request.onsuccess = () => resolve(request.result as PostRecord[])));
  const byAudience = new Map<string, PostRecord[]>();
  for (const r of records) if (isLabelled(r)) (byAudience.get(r.audience.key) ?? byAudience.set(r.audience.key, []).get(r.audience.key)!).push(r);
  let checksum = 0;
  for (const posts of byAudience.values()) {
    const k = posts.filter((p) => p.label === 'professional').length;
    checksum += wilsonInterval(k, posts.length)!.low;
    checksum += authorWeightedShare(posts.map((p) => ({ label: p.label, author: authorKey(p) }))).share ?? 0;
    checksum += trendByDay(posts.map((p) => ({ label: p.label, time: p.seenAt })), timeZone).days.length;
    const strata = LANGS.map((l) => {
      const mine = posts.filter((p) => p.lang === l);
      return { name: l, count: { n: mine.length, k: mine.filter((p) => p.label === 'professional').length }, rates: errorRatesFor(l, [], modelMeta) };
    }).filter((s) => s.count.n > 0);
    const c = stratifiedRoganGladen(strata);
    checksum += c.ok ? c.value : 0;
  }
  return checksum;
}

async function benchNode(count: number, runs: number) {
  const db = await openDatabase(new IDBFactory() as unknown as IDBFactory);
  const records = syntheticRecords(count, { model: MODEL, days: 90, end: Date.now() });
  await seed(db, records);
  const timeZone = currentTimeZone();
  const [, rebuildMs] = await timed(() => rebuildAggregates(db, timeZone));
  const summaryMs: number[] = [];
  let audiences = 0;
  for (let i = 0; i < runs; i++) {
    const [reply, ms] = await timed(async () => {
      // As the background answers getSummary (utils/summary/service.ts): no count of the store.
      const [{ rows }, labelled] = await Promise.all([loadAggregates(db, timeZone, { checkCount: false }), humanLabelledPosts(db)]);
      const humanLabels = labelled.map((p) => ({ lang: p.lang, model: p.label, human: p.humanLabel! }));
      return computeSummary({ rows, humanLabels, modelMeta, timeZone });
    });
    audiences = reply.audiences.length;
    summaryMs.push(ms);
  }
  const naiveMs: number[] = [];
  for (let i = 0; i < Math.min(3, runs); i++) naiveMs.push((await timed(() => naiveSummary(db, timeZone)))[1]);
  const batch = syntheticRecords(20, { model: MODEL, seed: 7, end: Date.now() }).map((r, i) => ({ ...r, id: `new${i}` }));
  const [, addMs] = await timed(() => addNewPosts(db, batch));
  db.close();
  return {
    audiences,
    node: {
      summaryMedianMs: median(summaryMs),
      summaryMaxMs: Math.max(...summaryMs),
      naiveMedianMs: median(naiveMs),
      rebuildMs,
      addBatchOf20Ms: addMs,
    },
  };
}

interface OpenTimes {
  openMedianMs: number;
  openMaxMs: number;
  loadedMedianMs: number;
  backgroundMedianMs: number;
}

async function benchChromium(count: number, runs: number): Promise<PopupBenchResult['chromium']> {
  if (!existsSync(`${E2E_BUILD}/manifest.json`)) return { skipped: `no e2e build in ${E2E_BUILD} (npm run build:e2e)` };
  if (!existsSync(CHROMIUM_PATH)) return { skipped: `no Chromium at ${CHROMIUM_PATH}` };
  const { launchChromium } = await import('../browser/launchChromium');
  const session = await launchChromium({ extensionDir: E2E_BUILD, pages: [] });
  try {
    // Written from an extension page that does not poll (the help page): the same origin, so the same
    // IndexedDB as the background. getSummary first, so that the background has created the database.
    const page = await session.context.newPage();
    await page.goto(`${session.extensionOrigin}/help.html`);
    await page.waitForFunction(() => document.querySelector('.help-content') !== null, null, { timeout: 30_000 });
    type Api = { chrome: { runtime: { sendMessage(m: unknown): Promise<{ computedMs: number; totals: { posts: number } }> } } };
    const summaryFrom = (p: typeof page) =>
      p.evaluate(() => (globalThis as unknown as Api).chrome.runtime.sendMessage({ to: 'background', type: 'getSummary' }));
    await summaryFrom(page);
    const records = syntheticRecords(count, { model: MODEL, days: 90, end: Date.now() });
    let written = 0;
    /** Writes posts up to `upTo`, then waits until the background's totals count them (its check rebuilds them). */
    const seedUpTo = async (upTo: number) => {
      for (; written < upTo; written = Math.min(upTo, written + 5000)) {
        await page.evaluate(async (chunk) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open('properso');
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          const tx = db.transaction('posts', 'readwrite');
          for (const r of chunk) tx.objectStore('posts').put(r);
          await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = reject)));
          db.close();
        }, records.slice(written, Math.min(upTo, written + 5000)));
      }
      const want = records.slice(0, upTo).filter((r) => !r.sponsored).length;
      const t0 = performance.now();
      while ((await summaryFrom(page)).totals.posts < want) await new Promise((r) => setTimeout(r, 100));
      return performance.now() - t0;
    };
    const opens = async (): Promise<OpenTimes> => {
      const open: number[] = [];
      const loaded: number[] = [];
      const background: number[] = [];
      for (let i = 0; i < runs; i++) {
        const popup = await session.context.newPage();
        await popup.setViewportSize({ width: 480, height: 600 });
        await popup.goto(`${session.extensionOrigin}/popup.html`);
        await popup.waitForFunction(() => document.documentElement.dataset.figures === 'shown', null, { timeout: 30_000 });
        const times = await popup.evaluate(() => ({
          shown: performance.getEntriesByName('properso:figures-shown')[0]!.startTime,
          loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
        }));
        open.push(times.shown);
        loaded.push(times.loaded);
        await new Promise((r) => setTimeout(r, 300)); // the popup's own first requests done
        background.push((await summaryFrom(popup)).computedMs);
        await popup.close();
      }
      return { openMedianMs: median(open), openMaxMs: Math.max(...open), loadedMedianMs: median(loaded), backgroundMedianMs: median(background) };
    };
    // Baseline: the same popup over 100 posts, then over all of them.
    await seedUpTo(Math.min(100, count));
    const baseline = await opens();
    const firstRebuildMs = await seedUpTo(count);
    const full = await opens();
    await page.close();
    return { ...full, baselineOpenMedianMs: baseline.openMedianMs, firstRebuildMs, runs };
  } finally {
    await session.close().catch(() => undefined); // keep the first error, not the close's
  }
}

export async function benchPopup(options: { posts?: number; runs?: number; browser?: boolean } = {}): Promise<PopupBenchResult> {
  const posts = options.posts ?? 100_000;
  const runs = options.runs ?? 7;
  const node = await benchNode(posts, runs);
  let chromium: PopupBenchResult['chromium'];
  try {
    chromium = options.browser === false ? { skipped: '--no-browser' } : await benchChromium(posts, runs);
  } catch (error) {
    chromium = { skipped: `Chromium run failed: ${String(error).split('\n')[0]}` };
  }
  return { posts, audiences: node.audiences, node: node.node, chromium };
}

export function printPopupBench(r: PopupBenchResult): void {
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(`\n## Popup (${r.posts.toLocaleString('en')} stored posts, ${r.audiences} audiences; budget: open < 200 ms)`);
  console.log(`Node, fake-indexeddb: getSummary median ${f(r.node.summaryMedianMs)} (max ${f(r.node.summaryMaxMs)}); ` +
    `naive (read every post) ${f(r.node.naiveMedianMs)} = ${(r.node.naiveMedianMs / r.node.summaryMedianMs).toFixed(0)}× slower`);
  console.log(`Node, fake-indexeddb: one-time rebuild of the totals ${f(r.node.rebuildMs)}; a batch of 20 new posts with its totals ${f(r.node.addBatchOf20Ms)}`);
  if ('skipped' in r.chromium) console.log(`Chromium: skipped (${r.chromium.skipped})`);
  else {
    console.log(`Chromium, e2e build: popup open → figures shown median ${f(r.chromium.openMedianMs)} (max ${f(r.chromium.openMaxMs)}, ${r.chromium.runs} opens), ` +
      `of which page loaded (DOMContentLoaded) ${f(r.chromium.loadedMedianMs)}; with 100 posts ${f(r.chromium.baselineOpenMedianMs)} ` +
      `(${(r.chromium.openMedianMs / r.chromium.baselineOpenMedianMs).toFixed(2)}×); ` +
      `background getSummary median ${f(r.chromium.backgroundMedianMs)}; totals rebuilt after seeding in ${f(r.chromium.firstRebuildMs)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { posts: { type: 'string', default: '100000' }, runs: { type: 'string', default: '7' }, 'no-browser': { type: 'boolean', default: false } } });
  printPopupBench(await benchPopup({ posts: Number(values.posts), runs: Number(values.runs), browser: !values['no-browser'] }));
}
