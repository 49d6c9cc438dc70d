/**
 * `npm run demo [-- --headless] [--out DIR] [--pages DIR]`: builds the Chrome extension and shows it at
 * work in Chromium on demo feeds (demo/posts/*.json) or the user's saved pages, all served at their real
 * https URLs by request routing (offline: nothing reaches a real site). Scrolls every page, waits for
 * the posts to be classified, opens the popup, prints the per-audience table and writes tallies.json,
 * posts.jsonl and popup screenshots. docs/DEMO.md describes it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseDemoArgs, USAGE, UsageError, type DemoOptions } from './demo/args';
import { findChromium } from './demo/chromium';
import { demoPages, loadDemoFiles, registeredPlatforms } from './demo/demoPages';
import { getAllPosts, getCounts, getSummary, scrollThrough, setPopupLanguage, waitForPopupRows, waitForStoredPosts } from './demo/drive';
import { predictPage } from './demo/expectedPosts';
import { popupShowsCounts, writeOutputs } from './demo/outputs';
import { loadPagesDir, type ServedPage } from './demo/pagesFile';
import { formatTallyTable, sharesFromPosts, sharesFromSummary } from './demo/table';
import type { ChromiumSession } from './browser/launchChromium';

const EXTENSION_DIR = '.output/chrome-mv3';

function fail(message: string, code = 1): never {
  console.error(`\n✗ ${message}`);
  process.exit(code);
}

async function pagesToShow(options: DemoOptions): Promise<ServedPage[]> {
  if (options.pagesDir === null) {
    const { pages, notes } = demoPages(await loadDemoFiles());
    for (const note of notes) console.info(`  note: ${note}`);
    return pages;
  }
  const pages = await loadPagesDir(options.pagesDir);
  const registered = registeredPlatforms();
  for (const page of pages.filter((p) => !registered.has(p.platform))) {
    console.info(`  note: ${page.url} skipped, no ${page.platform} adapter registered yet (utils/platforms/registry.ts)`);
  }
  return pages.filter((p) => registered.has(p.platform));
}

function build(): void {
  console.info('\n▸ Building the Chrome extension (wxt build)…');
  const result = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) fail('The build failed (see above).');
}

async function launch(chromiumPath: string, pages: ServedPage[], headless: boolean): Promise<ChromiumSession> {
  // scripts/browser/browsers.ts reads the executable from PROPERSO_CHROMIUM when it loads.
  process.env.PROPERSO_CHROMIUM = chromiumPath;
  const { launchChromium } = await import('./browser/launchChromium');
  try {
    return await launchChromium({ extensionDir: EXTENSION_DIR, pages: pages.map(({ url, html }) => ({ url, html })), headless });
  } catch (error) {
    const text = String(error);
    const noDisplay = !headless && /display|X server|ozone/i.test(text);
    fail(`Chromium did not start${noDisplay ? ' (no display here? run with --headless)' : ''}:\n${text.split('\n').slice(0, 6).join('\n')}`);
  }
}

async function main(): Promise<void> {
  let options: DemoOptions;
  try {
    options = parseDemoArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\n\n${USAGE}`, 2);
    throw error;
  }
  if (options.help) return void console.info(USAGE);

  const chromium = findChromium(process.env);
  if ('error' in chromium) fail(chromium.error);

  console.info(options.pagesDir ? `▸ Your saved pages (${options.pagesDir}/pages.json):` : '▸ Demo feeds (demo/posts/):');
  let pages: ServedPage[];
  try {
    pages = await pagesToShow(options);
  } catch (error) {
    fail((error as Error).message, 2);
  }
  if (pages.length === 0) fail('No page to show: no adapter is registered for any of them yet.');
  const predictions = await Promise.all(pages.map((p) => predictPage(p.url, p.html)));
  for (const [i, page] of pages.entries()) {
    const p = predictions[i]!;
    const what = p.read ? `${p.posts.length} posts to count (${p.sponsored} sponsored left out)` : 'not a feed page the adapter reads';
    console.info(`  ${page.url}  ${what}`);
  }

  build();
  console.info(`\n▸ Starting Chromium (${chromium.path}${options.headless ? ', headless' : ''})…`);
  const session = await launch(chromium.path, pages, options.headless);
  const helper = await session.openExtensionPage('/popup.html');

  const counted = new Set<string>();
  const shortfalls: string[] = [];
  for (const [i, page] of pages.entries()) {
    const prediction = predictions[i]!;
    const fresh = prediction.posts.filter((post) => !counted.has(`${post.platform}:${post.id}`));
    fresh.forEach((post) => counted.add(`${post.platform}:${post.id}`));
    const before = (await getCounts(helper)).totals.posts;
    const label = prediction.audience?.label ?? page.url;
    process.stdout.write(`  ${label}: scrolling… `);
    const started = Date.now();
    const tab = await session.openTab(page.url);
    const scrolled = Date.now();
    await scrollThrough(tab);
    const after = await waitForStoredPosts(helper, before + fresh.length);
    const got = after - before;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.info(
      `${got} posts counted${got === fresh.length ? '' : ` (expected ${fresh.length})`} ` +
        `[load ${seconds(scrolled - started)}, scroll and count ${seconds(Date.now() - scrolled)}]`,
    );
    if (got !== fresh.length) shortfalls.push(`${label}: ${got} posts counted, ${fresh.length} expected (${page.source})`);
  }

  const counts = await getCounts(helper);
  const records = await getAllPosts(helper);
  const summary = await getSummary(helper);
  const bases = summary ? sharesFromSummary(summary) : sharesFromPosts(records);
  const popup = await session.openExtensionPage('/popup.html');
  await helper.close();
  await popup.setViewport({ width: 520, height: 120 }); // the screenshots are full-page: as tall as the popup
  const shown = await waitForPopupRows(popup, counts.audiences.length);
  await popup.screenshot(join(options.out, 'popup.png'));
  await setPopupLanguage(popup, 'fr');
  await waitForPopupRows(popup, counts.audiences.length);
  await popup.screenshot(join(options.out, 'popup-fr.png'));
  await setPopupLanguage(popup, 'en');

  console.info(`\n${formatTallyTable(counts, bases)}\n`);
  if (!summary) console.info('(no getSummary from the background: shares computed from the stored posts)');
  const written = await writeOutputs(options.out, { counts, bases, summary, shown, records });
  console.info(`Wrote ${[...written, join(options.out, 'popup.png'), join(options.out, 'popup-fr.png')].join(', ')}`);
  if (!popupShowsCounts(shown, counts)) console.warn('⚠ The popup does not show the counts the background gave (see tallies.json "popup").');
  for (const shortfall of shortfalls) console.warn(`⚠ ${shortfall}`);

  if (options.headless) {
    await session.close();
    if (counts.totals.posts === 0) fail('No post was counted.');
    return;
  }
  console.info('\nThe browser stays open: scroll the pages yourself, the popup tab updates live. Close the browser (or press Ctrl+C) to end.');
  await new Promise<void>((resolve) => {
    session.context.once('close', () => resolve());
    process.once('SIGINT', () => void session.close().then(resolve, resolve));
  });
}

await main();
