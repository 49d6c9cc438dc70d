/**
 * The content script's cost on the page, in a real browser: a generated LinkedIn feed of 500 posts
 * (the 2026 markup of tests/e2e/pages/posts.ts), served offline at its real URL, scrolled from top to
 * bottom so that every post is seen (≥ 50 % visible for 500 ms). The extension's test build times each
 * of its own callbacks on the page's main thread (entrypoints/content/timing.ts: observers, rescans,
 * reading a post, sending a batch) and leaves them as `properso:*` User Timing measures; we read them
 * from the page. Chromium also reports every long task (> 50 ms) on the page through a
 * PerformanceObserver('longtask'), and CDP's ScriptDuration for the tab (all scripts: ours and the
 * bench's own scroll calls). Firefox has no 'longtask' entries; our own timings still hold.
 */
import { execFileSync } from 'node:child_process';
import { FEED_POSTS, COMPANY_POSTS, FEED_URL, renderLinkedInPage, type E2ePost } from '../../tests/e2e/pages/posts';
import { launchChromium } from '../browser/launchChromium';
import { launchFirefox } from '../browser/launchFirefox';
import { sendFromExtensionPage, type BrowserSession, type BrowserTab } from '../browser/tab';

export interface ContentScriptBenchResult {
  browser: 'chromium' | 'firefox';
  posts: number;
  /** Posts the background stored from the page (sponsored ones included). */
  postsRead: number;
  /** Our callbacks on the page's main thread, all together. */
  ownMs: number;
  msPerPost: number;
  tasks: number;
  longestTaskMs: number;
  longestTaskName: string;
  /** Percentiles of our callbacks' durations (ms). */
  p50: number;
  p99: number;
  /** Our callbacks over 50 ms. */
  over50: number;
  /** Per callback kind: count, total ms, longest ms. */
  byTask: Record<string, { count: number; totalMs: number; longestMs: number }>;
  /** Long tasks (> 50 ms) of any origin on the page (Chromium); null where unsupported. */
  longTasks: number[] | null;
  /** Of those, the ones during which a callback of ours ran. */
  longTasksWithOurs: number[] | null;
  /** CDP ScriptDuration of the tab during the scroll (Chromium): every script, ours and the bench's. */
  tabScriptMs: number | null;
  scrollSeconds: number;
}

const VIEWPORT = { width: 1280, height: 4000 };

/** `count` posts in LinkedIn's 2026 markup, each with its own text (so its own `h:` id). */
export function benchPosts(count: number): E2ePost[] {
  const pool = [...FEED_POSTS, ...COMPANY_POSTS];
  return Array.from({ length: count }, (_, i) => {
    const base = pool[i % pool.length]!;
    return { ...base, text: `${base.text} (${i + 1})` };
  });
}

function buildExtension(browser: 'chromium' | 'firefox'): string {
  const args = ['wxt', 'build', '--mode', 'e2e', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])];
  execFileSync('npx', args, { stdio: 'ignore', env: { ...process.env, PROPERSO_E2E: '1' } });
  return browser === 'firefox' ? '.output/firefox-mv3-e2e' : '.output/chrome-mv3-e2e';
}

async function scrollToBottom(tab: BrowserTab, stepMs: number): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, stepMs));
    const atBottom = await tab.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.round(window.innerHeight * 0.5));
      return window.scrollY === before;
    }, null);
    if (atBottom) return;
  }
}

async function storedPosts(session: BrowserSession, expected: number): Promise<number> {
  const popup = await session.openExtensionPage('/popup.html');
  const deadline = Date.now() + 60_000;
  let count = 0;
  while (Date.now() < deadline) {
    count = (await sendFromExtensionPage<unknown[]>(popup, { to: 'background', type: 'getRecentPosts', limit: 10_000 })).length;
    if (count >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await popup.close();
  return count;
}

export async function benchContentScript(browser: 'chromium' | 'firefox', postCount = 500): Promise<ContentScriptBenchResult> {
  const extensionDir = buildExtension(browser);
  // Compact posts: 500 of them in 36 scroll steps of half a 4,000 px window.
  const html = renderLinkedInPage('Feed | LinkedIn', null, benchPosts(postCount)).replaceAll('min-height:260px', 'min-height:120px');
  const pages = [{ url: FEED_URL, html }];
  const chromium = browser === 'chromium' ? await launchChromium({ extensionDir, pages }) : undefined;
  const session: BrowserSession = chromium ?? (await launchFirefox({ extensionDir, pages }));
  try {
    let tabScript: (() => Promise<number>) | undefined;
    let tab: BrowserTab;
    if (chromium) {
      await chromium.context.addInitScript(() => {
        const longTasks: [number, number][] = [];
        (window as unknown as { __longTasks: [number, number][] }).__longTasks = longTasks;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push([entry.startTime, entry.duration]);
        }).observe({ type: 'longtask', buffered: true });
      });
      const page = await chromium.context.newPage();
      await page.setViewportSize(VIEWPORT);
      const cdp = await chromium.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      tabScript = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
      };
      await page.goto(FEED_URL);
      const { chromiumTab } = await import('../browser/launchChromium');
      tab = chromiumTab(page);
    } else {
      tab = await session.openTab(FEED_URL);
      await tab.setViewport(VIEWPORT);
    }
    const scriptBefore = (await tabScript?.()) ?? 0;
    const t0 = Date.now();
    await scrollToBottom(tab, 700);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the last batch and health report
    const scrollSeconds = (Date.now() - t0) / 1000;
    const tabScriptMs = tabScript ? (await tabScript()) - scriptBefore : null;
    const page = await tab.evaluate(
      () => ({
        measures: performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('properso:'))
          .map((m) => [m.name.slice('properso:'.length), m.duration, m.startTime] as [string, number, number]),
        longTasks: (window as unknown as { __longTasks?: [number, number][] }).__longTasks ?? null,
      }),
      null,
    );
    if (page.measures.length === 0) throw new Error(`${browser}: no properso:* measures on the page (is this a --mode e2e build?)`);
    const byTask: ContentScriptBenchResult['byTask'] = {};
    let ownMs = 0;
    let longest: [string, number] = ['', 0];
    for (const [name, ms] of page.measures) {
      const row = (byTask[name] ??= { count: 0, totalMs: 0, longestMs: 0 });
      row.count++;
      row.totalMs += ms;
      row.longestMs = Math.max(row.longestMs, ms);
      ownMs += ms;
      if (ms > longest[1]) longest = [name, ms];
    }
    if (process.env.PROPERSO_BENCH_DEBUG) {
      const order = new Map<string, number>();
      const indexed = page.measures.map(([name, ms, at]) => {
        order.set(name, (order.get(name) ?? 0) + 1);
        return `${name}#${order.get(name)} ${ms.toFixed(1)} ms at ${at.toFixed(0)}`;
      });
      const top = [...page.measures.keys()].sort((a, b) => page.measures[b]![1] - page.measures[a]![1]).slice(0, 5);
      console.log(top.map((i) => indexed[i]).join('\n'));
    }
    const sorted = page.measures.map(([, ms]) => ms).sort((a, b) => a - b);
    const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const postsRead = await storedPosts(session, postCount);
    const ours = (start: number, duration: number) =>
      page.measures.some(([, ms, at]) => at < start + duration && at + ms > start);
    return {
      browser,
      posts: postCount,
      postsRead,
      ownMs,
      msPerPost: ownMs / Math.max(1, postsRead),
      tasks: page.measures.length,
      longestTaskMs: longest[1],
      longestTaskName: longest[0],
      p50: pct(0.5),
      p99: pct(0.99),
      over50: sorted.filter((ms) => ms > 50).length,
      byTask,
      longTasks: page.longTasks?.map(([, duration]) => duration) ?? null,
      longTasksWithOurs: page.longTasks?.filter(([at, d]) => ours(at, d)).map(([, duration]) => duration) ?? null,
      tabScriptMs,
      scrollSeconds,
    };
  } finally {
    await session.close();
  }
}

export function printContentScriptBench(results: readonly ContentScriptBenchResult[]): void {
  console.log('\n## Content script (real browser, generated LinkedIn feed, e2e build)');
  for (const r of results) {
    const verdict = r.longestTaskMs <= 50 ? 'within' : 'OVER';
    console.log(`${r.browser}: ${r.postsRead} of ${r.posts} posts read in ${r.scrollSeconds.toFixed(0)} s of scrolling`);
    console.log(`  main-thread time of ours   ${r.ownMs.toFixed(1)} ms in ${r.tasks} callbacks = ${(r.msPerPost * 1000).toFixed(0)} µs per post`);
    console.log(`  longest task of ours       ${r.longestTaskMs.toFixed(2)} ms (${r.longestTaskName}; ${verdict} the 50 ms budget); ${r.over50} over 50 ms`);
    console.log(`  our callbacks              median ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`);
    for (const [name, t] of Object.entries(r.byTask).sort((a, b) => b[1].totalMs - a[1].totalMs)) {
      console.log(`    ${name.padEnd(14)} ${String(t.count).padStart(5)} × ${(t.totalMs / t.count).toFixed(3)} ms, longest ${t.longestMs.toFixed(2)} ms, total ${t.totalMs.toFixed(1)} ms`);
    }
    if (r.longTasks) {
      const over = r.longTasks.filter((d) => d > 50);
      console.log(`  long tasks on the page     ${over.length}${over.length ? ` (longest ${Math.max(...over).toFixed(0)} ms)` : ''} (PerformanceObserver 'longtask', any origin)`);
      const mine = r.longTasksWithOurs ?? [];
      console.log(`    of which ours ran in     ${mine.length}${mine.length ? ` (${mine.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}`);
    } else {
      console.log(`  long tasks on the page     n/a ('longtask' entries unsupported)`);
    }
    if (r.tabScriptMs !== null) console.log(`  tab ScriptDuration (CDP)   ${r.tabScriptMs.toFixed(1)} ms (ours + the bench's scroll calls)`);
  }
}

/** Both browsers when they are installed; Chromium alone with PROPERSO_BENCH_BROWSERS=chromium. */
export async function benchContentScriptInBrowsers(): Promise<ContentScriptBenchResult[]> {
  const wanted = (process.env.PROPERSO_BENCH_BROWSERS ?? 'chromium,firefox').split(',');
  const results: ContentScriptBenchResult[] = [];
  for (const browser of ['chromium', 'firefox'] as const) {
    if (wanted.includes(browser)) results.push(await benchContentScript(browser));
  }
  return results;
}
