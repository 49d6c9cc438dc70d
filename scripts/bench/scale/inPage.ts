/**
 * What the scale benchmark runs inside an extension page (scripts/bench/scale.ts bundles this file
 * with esbuild and evaluates it there): the extension's own database code, so that seeding follows
 * the current schema version and its upgrades (`openDatabase`), posts are written the way the
 * background writes them (`addNewPosts`: posts and running totals in one transaction), and the totals
 * are checked against a recount with the same function the rebuild uses (`buildAggregates`).
 * The same origin as the background, so the same IndexedDB.
 */
import { buildAggregates, META_KEY, type AggregateMeta, type AudienceAggregate } from '../../../utils/storage/aggregates';
import { AGGREGATES_STORE, DB_VERSION, getAllInChunks, openDatabase, POSTS_STORE, requestResult } from '../../../utils/storage/db';
import { addNewPosts, type PostRecord } from '../../../utils/storage/posts';
import { syntheticRecords, type SyntheticOptions } from '../../../utils/summary/synthetic';

export interface SeedRequest extends SyntheticOptions {
  count: number;
  /** Posts per transaction. */
  chunk: number;
}

export interface SeedResult {
  written: number;
  /** Not sponsored: what the popup's totals count. */
  counted: number;
  humanLabels: number;
  audiences: number;
  generateMs: number;
  writeMs: number;
  dbVersion: number;
  oldestSeenAt: number;
  newestSeenAt: number;
}

export interface TotalsCheck {
  posts: number;
  /** Not sponsored: what getSummary's totals.posts should say. */
  counted: number;
  metaRecords: number;
  rows: number;
  /** Differences between the stored totals and a recount from the posts (empty: consistent). */
  differences: string[];
  recountMs: number;
  /** The oldest post left (null: none). */
  oldestSeenAt: number | null;
}

/** JSON with object keys sorted, so that two rows built in different orders compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

async function database(): Promise<IDBDatabase> {
  return openDatabase();
}

/**
 * The background opens the database first (the bench asks it for the summary before seeding). If its
 * version is not this file's, the build is older or newer than the tree: opening it here would
 * upgrade it under the background's feet (or fail), so stop and say so.
 */
async function requireSchemaOfTheBuild(): Promise<void> {
  const version = await new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('properso');
    open.onsuccess = () => {
      const found = open.result.version;
      open.result.close();
      resolve(found);
    };
    open.onerror = () => reject(open.error ?? new Error('Cannot open IndexedDB properso'));
  });
  if (version !== DB_VERSION) {
    throw new Error(`The extension's database is at version ${version}, this tree's code at ${DB_VERSION}: rebuild the e2e build (npm run build:e2e) or drop --no-build`);
  }
}

let seedProgress = { written: 0, of: 0 };

async function seed(request: SeedRequest): Promise<SeedResult> {
  await requireSchemaOfTheBuild();
  const t0 = performance.now();
  const records = syntheticRecords(request.count, request);
  const generateMs = performance.now() - t0;
  const db = await database();
  try {
    const t1 = performance.now();
    let written = 0;
    for (let i = 0; i < records.length; i += request.chunk) {
      written += await addNewPosts(db, records.slice(i, i + request.chunk));
      seedProgress = { written, of: records.length };
    }
    return {
      written,
      counted: records.filter((r) => !r.sponsored).length,
      humanLabels: records.filter((r) => r.humanLabel).length,
      audiences: new Set(records.map((r) => r.audience.key)).size,
      generateMs,
      writeMs: performance.now() - t1,
      dbVersion: db.version,
      oldestSeenAt: records[0]?.seenAt ?? 0,
      newestSeenAt: records.at(-1)?.seenAt ?? 0,
    };
  } finally {
    db.close();
  }
}

async function countPosts(): Promise<number> {
  const db = await database();
  try {
    return await requestResult(db.transaction(POSTS_STORE, 'readonly').objectStore(POSTS_STORE).count());
  } finally {
    db.close();
  }
}

/** The stored running totals against a recount of every stored post (same time zone as the rows). */
async function checkTotals(): Promise<TotalsCheck> {
  const db = await database();
  try {
    const tx = db.transaction([POSTS_STORE, AGGREGATES_STORE], 'readonly');
    const [posts, stored] = await Promise.all([
      getAllInChunks(tx.objectStore(POSTS_STORE).index('bySeenAt')) as Promise<PostRecord[]>, // one getAll of 200,000 posts fails in Firefox
      requestResult(tx.objectStore(AGGREGATES_STORE).getAll()) as Promise<(AudienceAggregate | AggregateMeta)[]>,
    ]);
    const meta = stored.find((r): r is AggregateMeta => r.key === META_KEY);
    const rows = stored.filter((r): r is AudienceAggregate => r.key !== META_KEY);
    const differences: string[] = [];
    if (!meta) differences.push('no #meta row');
    const t0 = performance.now();
    const recount = buildAggregates(posts, meta?.timeZone ?? 'UTC');
    const recountMs = performance.now() - t0;
    if (meta && meta.records !== posts.length) differences.push(`#meta counts ${meta.records} posts, the store holds ${posts.length}`);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const want of recount.rows) {
      const have = byKey.get(want.key);
      byKey.delete(want.key);
      if (!have) differences.push(`${want.key}: no stored row (recount: ${want.posts} posts)`);
      else if (canonical(have) !== canonical(want)) {
        const fields = (Object.keys(want) as (keyof AudienceAggregate)[]).filter((f) => canonical(have[f]) !== canonical(want[f]));
        differences.push(`${want.key}: ${fields.map((f) => `${f} stored ${canonical(have[f]).slice(0, 80)} ≠ recount ${canonical(want[f]).slice(0, 80)}`).join('; ')}`);
      }
    }
    for (const key of byKey.keys()) differences.push(`${key}: stored row for an audience without posts`);
    return { posts: posts.length, counted: posts.filter((p) => !p.sponsored).length, metaRecords: meta?.records ?? -1, rows: rows.length, differences, recountMs, oldestSeenAt: posts[0]?.seenAt ?? null };
  } finally {
    db.close();
  }
}

type RuntimeApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** A message to the background, as the extension's pages send it (`browser` in Firefox, `chrome` in Chrome). */
function send<R>(message: Record<string, unknown>): Promise<R> {
  const scope = globalThis as unknown as { browser?: RuntimeApi; chrome?: RuntimeApi };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('Not an extension page: no runtime API');
  return api.runtime.sendMessage({ to: 'background', ...message }) as Promise<R>;
}

/**
 * The retention rule through the options page's message: lowering `retentionDays` makes the
 * background run `enforceRetention` at once (utils/summary/service.ts, `setPreferences`), the same
 * function its daily alarm runs (`deletePostsSeenBefore(now − days)`). Times the message's round trip.
 */
async function purge(retentionDays: number): Promise<{ ms: number; retentionDays: number }> {
  const t0 = performance.now();
  const reply = await send<{ retentionDays: number }>({ type: 'setPreferences', preferences: { retentionDays } });
  return { ms: performance.now() - t0, retentionDays: reply.retentionDays };
}

export interface ExportRun {
  ms: number;
  bytes: number;
  /** NDJSON lines, or the zip's signature check. */
  lines: number | null;
  zipSignature: boolean | null;
  error: string | null;
}

/**
 * Clicks the popup's export button and waits for the download link it shows when the file is ready
 * (ExportPanel: message → background builds the file → base64 → Blob → blob URL). The link's own
 * `click()` (the download to disk) is stubbed: the browser's writing of the file is not ours.
 */
async function exportFromPopup(format: 'datapackage' | 'ndjson'): Promise<ExportRun> {
  const button = document.querySelector<HTMLButtonElement>(`button[data-export="${format}"]`);
  const panel = button?.closest('.export');
  if (!button || !panel) throw new Error(`No export button for ${format} in this page (is it the popup, with figures shown?)`);
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (!this.download) click.call(this);
  };
  const linkSelector = `a[data-export-link="${format}"]`;
  const t0 = performance.now();
  const outcome = await new Promise<{ link: HTMLAnchorElement | null; error: string | null; at: number }>((resolve) => {
    const look = () => {
      const error = panel.querySelector('.error')?.textContent ?? null;
      const link = panel.querySelector<HTMLAnchorElement>(linkSelector);
      if (error || link) {
        observer.disconnect();
        resolve({ link, error, at: performance.now() });
      }
    };
    const observer = new MutationObserver(look);
    observer.observe(panel, { childList: true, subtree: true, characterData: true });
    button.click();
  });
  const ms = outcome.at - t0;
  if (!outcome.link) return { ms, bytes: 0, lines: null, zipSignature: null, error: outcome.error };
  const bytes = new Uint8Array(await (await fetch(outcome.link.href)).arrayBuffer());
  let lines = 0;
  if (format === 'ndjson') for (const b of bytes) if (b === 10) lines++;
  return {
    ms,
    bytes: bytes.length,
    lines: format === 'ndjson' ? lines : null,
    zipSignature: format === 'datapackage' ? bytes[0] === 0x50 && bytes[1] === 0x4b : null,
    error: null,
  };
}

/** The options page's audience list (AudienceSettings: getCounts as recorded, which reads every post). */
async function optionsCounts(): Promise<{ ms: number; audiences: number | null; error: string | null }> {
  const t0 = performance.now();
  try {
    const reply = await send<{ audiences: unknown[] }>({ type: 'getCounts', asRecorded: true });
    return { ms: performance.now() - t0, audiences: reply.audiences.length, error: null };
  } catch (error) {
    return { ms: performance.now() - t0, audiences: null, error: String(error) };
  }
}

/** The background's figures, as the popup reads them. */
function summaryTotals(): Promise<{ posts: number; audiences: number; computedMs: number }> {
  return send<{ totals: { posts: number }; audiences: unknown[]; computedMs: number }>({ type: 'getSummary' }).then((r) => ({
    posts: r.totals.posts,
    audiences: r.audiences.length,
    computedMs: r.computedMs,
  }));
}

/**
 * Long steps run in the background of the page and are polled (`job`), so that no single protocol
 * call waits minutes (puppeteer's BiDi calls time out) and the bench can print progress.
 */
const jobs = new Map<string, { done: boolean; result?: unknown; error?: string }>();
function start(name: string, run: () => Promise<unknown>): void {
  const job: { done: boolean; result?: unknown; error?: string } = { done: false };
  jobs.set(name, job);
  run().then(
    (result) => Object.assign(job, { done: true, result }),
    // Firefox's stacks leave out the message: both.
    (error: unknown) => Object.assign(job, { done: true, error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error) }),
  );
}

export const scaleApi = {
  schemaVersion: DB_VERSION,
  start: (name: string, step: 'seed' | 'checkTotals' | 'purge' | 'export' | 'summary' | 'count' | 'optionsCounts', arg?: unknown) =>
    start(name, () => {
      if (step === 'seed') return seed(arg as SeedRequest);
      if (step === 'checkTotals') return checkTotals();
      if (step === 'purge') return purge(arg as number);
      if (step === 'export') return exportFromPopup(arg as 'datapackage' | 'ndjson');
      if (step === 'summary') return summaryTotals();
      if (step === 'optionsCounts') return optionsCounts();
      return countPosts();
    }),
  job: (name: string) => jobs.get(name) ?? null,
  progress: () => seedProgress,
};
export type ScaleApi = typeof scaleApi;

(globalThis as unknown as { __propersoScale: ScaleApi }).__propersoScale = scaleApi;
