/**
 * Scale: 200,000 stored posts over 50 audiences, in the real browsers with the extension's test build
 * (docs/BENCHMARKS.md, "Scale"). For each browser and each size (a baseline, 20,000 posts, then the
 * full 200,000, each in a fresh profile, in this same process):
 *
 * 1. seed: synthetic posts (utils/summary/synthetic.ts: 8 platforms, French, English and other,
 *    2 % sponsored, 0.5 % labelled by hand, audiences of unequal size, texts of 75–425 characters,
 *    seen over 89 days) generated in an extension page and written with the extension's own code
 *    (`addNewPosts` on `openDatabase`: scale/inPage.ts), so the current schema and its running
 *    totals; timed, not budgeted;
 * 2. popup: opened `runs` times, navigation → figures in the page (`properso:figures-shown`, as
 *    scripts/bench/popup.ts measures), median;
 * 3. export: the popup's two export buttons (data package zip, NDJSON), click → file ready as a blob
 *    URL, and its size;
 * 4. retention purge: the retention period lowered from 90 to 45 days from the options page, which
 *    makes the background run its retention rule at once — the function its daily alarm runs — so
 *    about half of the posts go; then 45 → 30 days with a popup opened while it runs (does the purge
 *    keep the popup waiting?); then the running totals are compared with a recount of the posts.
 *
 * Budgets: scale/budgets.ts. Exits 1, naming each budget exceeded (or check failed), otherwise 0.
 *
 * `npm run bench:scale -- [--posts 200000] [--baseline 20000] [--audiences 50] [--runs 9]
 *   [--browsers chromium,firefox] [--no-build]`  (PROPERSO_BENCH_BROWSERS also picks the browsers)
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Rollup } from 'vite';
import modelMeta from '../../models/properso.json';
import { launchChromium, chromiumTab, type ChromiumSession } from '../browser/launchChromium';
import { launchFirefox } from '../browser/launchFirefox';
import type { BrowserSession, BrowserTab } from '../browser/tab';
import { SCALE_BUDGETS } from './scale/budgets';
import type { ExportRun, ScaleApi, SeedResult, TotalsCheck } from './scale/inPage';

type BrowserName = 'chromium' | 'firefox';

export interface ScaleOptions {
  posts?: number;
  baseline?: number;
  audiences?: number;
  runs?: number;
  browsers?: readonly BrowserName[];
  /** Build the e2e extension from this tree first (default); false: use .output/*-mv3-e2e as it is. */
  build?: boolean;
}

export interface SizeRun {
  posts: number;
  seed: SeedResult & { seconds: number };
  popup: { medianMs: number; maxMs: number; loadedMedianMs: number; backgroundMedianMs: number; opens: number; opensMs: number[] };
  exports: { datapackage: ExportRun; ndjson: ExportRun };
  /** Not budgeted: the options page's audience list (getCounts reads every post). */
  optionsCounts: { ms: number; audiences: number | null; error: string | null };
  purge: {
    ms: number;
    retentionDays: number;
    before: number;
    after: number;
    totals: TotalsCheck;
    /** getSummary's totals.posts after the purge. */
    summaryPosts: number;
    /** Posts seen before this (now − 30 days when the purges were asked for) must all be gone. */
    cutoffAtLeast: number;
    /** The second purge (45 → 30 days), with a popup opened while it runs. */
    second: { ms: number; deleted: number; popupOpenMs: number };
  };
}

export interface BrowserScaleResult {
  browser: BrowserName;
  baseline: SizeRun | null;
  full: SizeRun | null;
  error: string | null;
}

export interface ScaleBenchResult {
  posts: number;
  baseline: number;
  audiences: number;
  runs: number;
  browsers: BrowserScaleResult[];
  load: { before: number[]; after: number[] };
  seconds: number;
}

const PURGE_TO_DAYS = 45; // from the default 90: posts are seen over 89 days, so about half go
const SECOND_PURGE_TO_DAYS = 30;
/** The popup is opened this long after the second purge was asked for. */
const SECOND_PURGE_POPUP_AFTER_MS = 500;
const DAY_MS = 86_400_000;
const DAYS_SEEN = 89; // under the 90-day default, so the background's own retention run at (re)start deletes none
const HUMAN_LABEL_RATE = 0.005;
const AUDIENCE_SKEW = 2;
/** Stored text is what the feed shows before "see more" (LinkedIn, Facebook, Instagram cut there; X, Mastodon are short). */
const TEXT_CHARS = 250;
const SEED_CHUNK = 5_000;
const STEP_TIMEOUT_MS = 10 * 60_000;
const MODEL = `${modelMeta.id}@${modelMeta.version}`;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (n: number) => n.toLocaleString('en');
let started = performance.now();
const log = (line: string) => console.log(`[scale ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** The in-page code (scale/inPage.ts and the extension's storage code it imports), as one script (Vite, as the extension is built). */
async function inPageScript(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'error',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: new URL('./scale/inPage.ts', import.meta.url).pathname, formats: ['iife'], name: 'propersoScale', fileName: 'scale' },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(out) ? out[0]! : out).output[0];
  if (chunk.type !== 'chunk') throw new Error('scale/inPage.ts: no script from the bundler');
  return chunk.code;
}

/**
 * The e2e build of this tree, copied to a temporary folder: other jobs may rebuild .output/ while we
 * run, and a browser whose extension files change under it fails in odd ways.
 */
async function extensionBuild(browser: BrowserName, fresh: boolean): Promise<string> {
  const dir = browser === 'firefox' ? '.output/firefox-mv3-e2e' : '.output/chrome-mv3-e2e';
  if (fresh) {
    const args = ['wxt', 'build', '--mode', 'e2e', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])];
    execFileSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PROPERSO_E2E: '1' } });
  }
  const copy = await mkdtemp(join(tmpdir(), `properso-scale-${browser}-`));
  await cp(dir, copy, { recursive: true });
  return copy;
}

async function install(tab: BrowserTab, script: string): Promise<void> {
  // A Function's source is sent to the page as is (no eval inside the page: the extension's CSP forbids it).
  await tab.evaluate(new Function(script) as () => void, null);
}

/** Starts a step of scale/inPage.ts in the page; `waitFor` polls it. */
async function startStep(tab: BrowserTab, name: string, what: Parameters<ScaleApi['start']>[1], arg?: unknown): Promise<string> {
  const id = `${name}-${Math.random().toString(36).slice(2)}`;
  await tab.evaluate(({ id, what, arg }) => (globalThis as unknown as { __propersoScale: ScaleApi }).__propersoScale.start(id, what, arg), { id, what, arg });
  return id;
}

async function waitFor<T>(tab: BrowserTab, name: string, id: string, progress?: () => Promise<void>): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const job = await tab.evaluate((jobId) => (globalThis as unknown as { __propersoScale: ScaleApi }).__propersoScale.job(jobId), id);
    if (job?.done) {
      if (job.error) throw new Error(`${name}: ${job.error}`);
      return job.result as T;
    }
    if (Date.now() > deadline) throw new Error(`${name}: not done after ${STEP_TIMEOUT_MS / 60_000} minutes`);
    await progress?.();
    await sleep(200);
  }
}

/** A step of scale/inPage.ts, run in the page until done (progress: called every poll). */
async function step<T>(tab: BrowserTab, name: string, what: Parameters<ScaleApi['start']>[1], arg?: unknown, progress?: () => Promise<void>): Promise<T> {
  return waitFor<T>(tab, name, await startStep(tab, name, what, arg), progress);
}

async function openPopup(session: BrowserSession): Promise<BrowserTab> {
  if (session.name === 'chromium') {
    // As scripts/bench/popup.ts: a tab the size of the popup, then the navigation.
    const page = await (session as ChromiumSession).context.newPage();
    await page.setViewportSize({ width: 480, height: 600 });
    await page.goto(`${session.extensionOrigin}/popup.html`);
    return chromiumTab(page);
  }
  const tab = await session.openExtensionPage('/popup.html'); // Firefox: via a web page (launchFirefox.ts)
  await tab.setViewport({ width: 480, height: 600 });
  return tab;
}

async function figuresShown(tab: BrowserTab): Promise<{ shown: number; loaded: number }> {
  const deadline = Date.now() + 60_000;
  while (!(await tab.evaluate(() => document.documentElement.dataset.figures === 'shown', null))) {
    if (Date.now() > deadline) throw new Error('popup: no figures after 60 s');
    await sleep(20);
  }
  return tab.evaluate(
    () => ({
      shown: performance.getEntriesByName('properso:figures-shown')[0]!.startTime,
      loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    }),
    null,
  );
}

async function measureSize(browser: BrowserName, extensionDir: string, script: string, posts: number, options: Required<Pick<ScaleOptions, 'audiences' | 'runs'>>): Promise<SizeRun> {
  const label = `${browser} ${count(posts)}`;
  log(`${label}: starting ${browser}`);
  const session: BrowserSession = browser === 'chromium' ? await launchChromium({ extensionDir, pages: [] }) : await launchFirefox({ extensionDir, pages: [] });
  try {
    // The options page: an extension page that does not poll (the popup asks for figures every 1.5 s).
    const options_ = await session.openExtensionPage('/options.html');
    await install(options_, script);
    await step(options_, 'first summary', 'summary'); // the background opens (creates) the database first

    log(`${label}: seeding ${count(posts)} posts over ${options.audiences} audiences…`);
    const t0 = performance.now();
    let lastPrint = performance.now();
    const seed = await step<SeedResult>(
      options_,
      'seed',
      'seed',
      { count: posts, chunk: SEED_CHUNK, audiences: options.audiences, audienceSkew: AUDIENCE_SKEW, humanLabelRate: HUMAN_LABEL_RATE, textChars: TEXT_CHARS, days: DAYS_SEEN, end: Date.now(), model: MODEL },
      async () => {
        if (performance.now() - lastPrint < 10_000) return;
        lastPrint = performance.now();
        const p = await options_.evaluate(() => (globalThis as unknown as { __propersoScale: ScaleApi }).__propersoScale.progress(), null);
        log(`${label}: seeding… ${count(p.written)} / ${count(p.of)}`);
      },
    );
    const seedSeconds = (performance.now() - t0) / 1000;
    log(`${label}: seeded ${count(seed.written)} posts in ${seedSeconds.toFixed(1)} s (database version ${seed.dbVersion}, ${seed.audiences} audiences, ${count(seed.humanLabels)} human labels)`);
    const seeded = await step<{ posts: number; audiences: number }>(options_, 'summary after seeding', 'summary');
    if (seeded.posts !== seed.counted) throw new Error(`${label}: getSummary counts ${seeded.posts} posts after seeding, expected ${seed.counted}`);

    log(`${label}: popup, ${options.runs} opens…`);
    const open: number[] = [];
    const loaded: number[] = [];
    const background: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const popup = await openPopup(session);
      const times = await figuresShown(popup);
      open.push(times.shown);
      loaded.push(times.loaded);
      await sleep(300); // the popup's own first requests done
      await install(popup, script);
      background.push((await step<{ computedMs: number }>(popup, 'summary', 'summary')).computedMs);
      await popup.close();
    }
    log(`${label}: popup median ${median(open).toFixed(0)} ms (${open.map((ms) => ms.toFixed(0)).join(', ')} ms)`);

    const popup = await openPopup(session);
    await figuresShown(popup);
    await install(popup, script);
    const exports = {} as SizeRun['exports'];
    for (const format of ['datapackage', 'ndjson'] as const) {
      log(`${label}: export ${format}…`);
      exports[format] = await step<ExportRun>(popup, `export ${format}`, 'export', format);
      const e = exports[format];
      log(`${label}: export ${format} ${e.error ? `FAILED after ${(e.ms / 1000).toFixed(1)} s: ${e.error}` : `${(e.ms / 1000).toFixed(1)} s, ${(e.bytes / 1e6).toFixed(1)} MB`}`);
    }
    await popup.close();

    const optionsCounts = await step<SizeRun['optionsCounts']>(options_, 'options counts', 'optionsCounts');
    log(`${label}: options page counts ${optionsCounts.error ? `FAILED after ${(optionsCounts.ms / 1000).toFixed(1)} s: ${optionsCounts.error}` : `${(optionsCounts.ms / 1000).toFixed(1)} s`}`);

    log(`${label}: retention purge (90 → ${PURGE_TO_DAYS} days)…`);
    const before = await step<number>(options_, 'count', 'count');
    const cutoffAtLeast = Date.now() - PURGE_TO_DAYS * DAY_MS;
    const purged = await step<{ ms: number; retentionDays: number }>(options_, 'purge', 'purge', PURGE_TO_DAYS);
    const after = await step<number>(options_, 'count', 'count');
    log(`${label}: purge ${(purged.ms / 1000).toFixed(1)} s, ${count(before - after)} of ${count(before)} posts deleted; recounting the totals…`);
    // What a user sees meanwhile: a popup opened while a second, smaller purge runs (45 → 30 days).
    log(`${label}: popup opened during a second purge (${PURGE_TO_DAYS} → ${SECOND_PURGE_TO_DAYS} days)…`);
    const secondId = await startStep(options_, 'second purge', 'purge', SECOND_PURGE_TO_DAYS);
    await sleep(SECOND_PURGE_POPUP_AFTER_MS);
    const during = await openPopup(session);
    const duringPurge = (await figuresShown(during)).shown;
    await during.close();
    const second = await waitFor<{ ms: number }>(options_, 'second purge', secondId);
    const afterSecond = await step<number>(options_, 'count', 'count');
    log(`${label}: popup during the purge ${duringPurge.toFixed(0)} ms; second purge ${(second.ms / 1000).toFixed(1)} s, ${count(after - afterSecond)} posts`);
    const totals = await step<TotalsCheck>(options_, 'check totals', 'checkTotals');
    const summary = await step<{ posts: number }>(options_, 'summary after purge', 'summary');
    return {
      posts,
      seed: { ...seed, seconds: seedSeconds },
      popup: { medianMs: median(open), maxMs: Math.max(...open), loadedMedianMs: median(loaded), backgroundMedianMs: median(background), opens: open.length, opensMs: open },
      exports,
      optionsCounts,
      purge: {
        ms: purged.ms,
        retentionDays: purged.retentionDays,
        before,
        after,
        totals,
        summaryPosts: summary.posts,
        cutoffAtLeast: cutoffAtLeast + (PURGE_TO_DAYS - SECOND_PURGE_TO_DAYS) * DAY_MS,
        second: { ms: second.ms, deleted: after - afterSecond, popupOpenMs: duringPurge },
      },
    };
  } finally {
    await session.close().catch(() => undefined); // keep the first error, not the close's
  }
}

export async function benchScale(options: ScaleOptions = {}): Promise<ScaleBenchResult> {
  started = performance.now();
  const posts = options.posts ?? 200_000;
  const baseline = options.baseline ?? 20_000;
  const audiences = options.audiences ?? 50;
  const runs = options.runs ?? 9;
  const browsers = options.browsers ?? (process.env.PROPERSO_BENCH_BROWSERS?.split(',') as BrowserName[] | undefined) ?? ['chromium', 'firefox'];
  const load = { before: loadavg(), after: [] as number[] };
  const script = await inPageScript();
  const results: BrowserScaleResult[] = [];
  for (const browser of browsers) {
    const result: BrowserScaleResult = { browser, baseline: null, full: null, error: null };
    results.push(result);
    let dir: string | undefined;
    try {
      log(`${browser}: ${options.build === false ? 'copying the existing' : 'building the'} e2e extension…`);
      dir = await extensionBuild(browser, options.build !== false);
      if (baseline > 0) result.baseline = await measureSize(browser, dir, script, baseline, { audiences, runs });
      result.full = await measureSize(browser, dir, script, posts, { audiences, runs });
    } catch (error) {
      result.error = String(error instanceof Error ? error.message : error).split('\n').slice(0, 3).join(' ');
      log(`${browser}: FAILED: ${result.error}`);
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }
  load.after = loadavg();
  const out = { posts, baseline, audiences, runs, browsers: results, load, seconds: (performance.now() - started) / 1000 };
  await mkdir('test-output', { recursive: true });
  await writeFile('test-output/bench-scale.json', `${JSON.stringify(out, null, 2)}\n`);
  return out;
}

/** Every budget exceeded and every check failed, one line each, naming the budget (empty: all within). */
export function scaleFailures(r: ScaleBenchResult): string[] {
  const failures: string[] = [];
  const over = (browser: string, budget: keyof typeof SCALE_BUDGETS, what: string, ms: number) => {
    if (ms > SCALE_BUDGETS[budget]) failures.push(`${browser}: ${what} took ${fmtMs(ms)}, over the budget ${budget} = ${fmtMs(SCALE_BUDGETS[budget])} (scripts/bench/scale/budgets.ts)`);
  };
  for (const b of r.browsers) {
    if (b.error || !b.full) {
      failures.push(`${b.browser}: the run failed: ${b.error ?? 'no result'}`);
      continue;
    }
    for (const [size, run] of [['baseline', b.baseline], ['full', b.full]] as const) {
      if (!run) continue;
      const where = `${b.browser} ${count(run.posts)} posts`;
      for (const format of ['datapackage', 'ndjson'] as const) {
        const e = run.exports[format];
        if (e.error) failures.push(`${where}: export ${format} failed: ${e.error}`);
      }
      const p = run.purge;
      if (p.totals.differences.length > 0) failures.push(`${where}: totals after the purge differ from a recount: ${p.totals.differences.slice(0, 3).join(' | ')}`);
      if (p.summaryPosts !== p.totals.counted) failures.push(`${where}: getSummary counts ${p.summaryPosts} posts after the purge, a recount ${p.totals.counted}`);
      if (p.totals.oldestSeenAt !== null && p.totals.oldestSeenAt < p.cutoffAtLeast) failures.push(`${where}: posts seen before the retention period remain after the purge`);
      if (p.after >= p.before) failures.push(`${where}: the retention purge deleted nothing`);
      if (size === 'full') {
        over(b.browser, 'popupOpenMs', `popup open (median of ${run.popup.opens})`, run.popup.medianMs);
        if (!run.exports.datapackage.error) over(b.browser, 'exportDatapackageMs', 'export of the data package', run.exports.datapackage.ms);
        if (!run.exports.ndjson.error) over(b.browser, 'exportNdjsonMs', 'export as NDJSON', run.exports.ndjson.ms);
        over(b.browser, 'purgeMs', `retention purge of ${count(p.before - p.after)} posts`, p.ms);
        over(b.browser, 'popupDuringPurgeMs', `popup open while ${count(p.second.deleted)} posts were purged`, p.second.popupOpenMs);
      }
    }
  }
  return failures;
}

function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function printScaleBench(r: ScaleBenchResult): void {
  const b = SCALE_BUDGETS;
  console.log(`\n## Scale (${count(r.posts)} posts over ${r.audiences} audiences; baseline ${count(r.baseline)} posts in the same process)`);
  console.log(`load average before ${r.load.before.map((x) => x.toFixed(2)).join(' ')}, after ${r.load.after.map((x) => x.toFixed(2)).join(' ')}; ${r.seconds.toFixed(0)} s in all`);
  for (const br of r.browsers) {
    console.log(`\n${br.browser}${br.error ? `: FAILED (${br.error})` : ''}`);
    const full = br.full;
    const base = br.baseline;
    if (!full) continue;
    const rows: [string, (s: SizeRun) => number | null, (v: number) => string, string][] = [
      ['seeding (addNewPosts, 5,000 a transaction)', (s) => s.seed.seconds * 1000, fmtMs, 'not a budget'],
      ['popup open → figures, median', (s) => s.popup.medianMs, fmtMs, `≤ ${fmtMs(b.popupOpenMs)}`],
      ['  popup open, max', (s) => s.popup.maxMs, fmtMs, ''],
      ['  page loaded (DOMContentLoaded), median', (s) => s.popup.loadedMedianMs, fmtMs, ''],
      ['  background getSummary, median', (s) => s.popup.backgroundMedianMs, fmtMs, ''],
      ['export data package (zip), click → file', (s) => (s.exports.datapackage.error ? null : s.exports.datapackage.ms), fmtMs, `≤ ${fmtMs(b.exportDatapackageMs)}`],
      ['  zip size', (s) => (s.exports.datapackage.error ? null : s.exports.datapackage.bytes), (v) => `${(v / 1e6).toFixed(2)} MB`, ''],
      ['export NDJSON, click → file', (s) => (s.exports.ndjson.error ? null : s.exports.ndjson.ms), fmtMs, `≤ ${fmtMs(b.exportNdjsonMs)}`],
      ['  NDJSON size', (s) => (s.exports.ndjson.error ? null : s.exports.ndjson.bytes), (v) => `${(v / 1e6).toFixed(2)} MB`, ''],
      ['options page audience list (getCounts)', (s) => (s.optionsCounts.error ? null : s.optionsCounts.ms), fmtMs, 'not a budget'],
      ['retention purge (90 → 45 days)', (s) => s.purge.ms, fmtMs, `≤ ${fmtMs(b.purgeMs)}`],
      ['  posts deleted', (s) => s.purge.before - s.purge.after, count, ''],
      ['second purge (45 → 30 days)', (s) => s.purge.second.ms, fmtMs, ''],
      ['  posts deleted', (s) => s.purge.second.deleted, count, ''],
      ['  popup open → figures during it', (s) => s.purge.second.popupOpenMs, fmtMs, `≤ ${fmtMs(b.popupDuringPurgeMs)}`],
    ];
    const head = ['figure'.padEnd(44), count(r.baseline).padStart(12), count(r.posts).padStart(12), 'ratio'.padStart(8), '  budget'];
    console.log(head.join(' '));
    for (const [name, get, format, budget] of rows) {
      const x = base ? get(base) : null;
      const y = get(full);
      const ratio = x !== null && y !== null && x > 0 ? `${(y / x).toFixed(1)}×` : '';
      console.log([name.padEnd(44), (x === null ? (base ? 'failed' : '') : format(x)).padStart(12), (y === null ? 'failed' : format(y)).padStart(12), ratio.padStart(8), `  ${budget}`].join(' '));
    }
    for (const [size, run] of [[count(r.baseline), base], [count(r.posts), full]] as const) {
      if (!run) continue;
      const t = run.purge.totals;
      console.log(
        `${size}: ${count(run.seed.written)} posts seeded (${count(run.seed.humanLabels)} human labels, ${run.seed.audiences} audiences, database v${run.seed.dbVersion}); ` +
          `after the purge ${count(t.posts)} posts, totals ${t.differences.length === 0 ? 'equal' : `DIFFER (${t.differences.length})`} to a recount of ${t.rows} audience rows ` +
          `(recount ${fmtMs(t.recountMs)}), getSummary ${count(run.purge.summaryPosts)} = recount ${count(t.counted)}`,
      );
      for (const format of ['datapackage', 'ndjson'] as const) {
        const e = run.exports[format];
        if (e.error) console.log(`${size}: export ${format} FAILED after ${fmtMs(e.ms)}: ${e.error}`);
      }
      if (run.optionsCounts.error) console.log(`${size}: WARNING (not a budget) the options page's audience list failed after ${fmtMs(run.optionsCounts.ms)}: ${run.optionsCounts.error}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string', default: '200000' },
      baseline: { type: 'string', default: '20000' },
      audiences: { type: 'string', default: '50' },
      runs: { type: 'string', default: '9' },
      browsers: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const result = await benchScale({
    posts: Number(values.posts),
    baseline: Number(values.baseline),
    audiences: Number(values.audiences),
    runs: Number(values.runs),
    browsers: values.browsers?.split(',') as BrowserName[] | undefined,
    build: !values['no-build'],
  });
  printScaleBench(result);
  const failures = scaleFailures(result);
  if (failures.length > 0) {
    console.error(`\nScale: ${failures.length} budget${failures.length > 1 ? 's' : ''} or check${failures.length > 1 ? 's' : ''} failed:`);
    for (const f of failures) console.error(`  ✗ ${f}`);
    process.exit(1);
  }
  console.log('\nScale: every budget met.');
  process.exit(0);
}
