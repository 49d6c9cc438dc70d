/**
 * `npm run bench:extension [-- --runs 5]`: the figures docs/BENCHMARKS.md ("Extension") reports.
 * - each browser's zip size (run `npm run zip && npm run zip:firefox` first);
 * - the first classification after a cold browser start: a fresh profile, a LinkedIn feed page served
 *   offline, and the time the background measured from its first need of the inference host (before
 *   creating Chrome's offscreen document / loading the model) to the first batch's predictions.
 * Uses the e2e builds (npm run build:e2e, build:e2e:firefox), whose popup tests can reach.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { FEED_POSTS, FEED_URL, renderLinkedInPage } from '../../tests/e2e/pages/posts';
import type { InferenceStatus } from '../../utils/messaging/protocol';
import { launchChromium } from './launchChromium';
import { launchFirefox } from './launchFirefox';
import { sendFromExtensionPage, type BrowserSession } from './tab';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, browser: { type: 'string', default: 'both' } },
});
const runs = Number(values.runs);
const pages = [{ url: FEED_URL, html: renderLinkedInPage('Feed | LinkedIn', null, FEED_POSTS) }];

async function firstClassification(session: BrowserSession): Promise<InferenceStatus> {
  await session.openTab(FEED_URL);
  const popup = await session.openExtensionPage('/popup.html');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = await sendFromExtensionPage<InferenceStatus>(popup, { to: 'background', type: 'getInferenceStatus' });
    if (status.firstClassificationMs !== null) return status;
    if (Date.now() > deadline) throw new Error(`${session.name}: no classification within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function zipSizes(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const files = await readdir('.output').catch(() => [] as string[]);
  for (const file of files.filter((f) => f.endsWith('.zip'))) out[file] = (await stat(`.output/${file}`)).size;
  return out;
}

const launchers = {
  chromium: () => launchChromium({ extensionDir: '.output/chrome-mv3-e2e', pages }),
  firefox: () => launchFirefox({ extensionDir: '.output/firefox-mv3-e2e', pages }),
};

const report: Record<string, unknown> = { runs, zips: await zipSizes(), browsers: {} };
for (const name of ['chromium', 'firefox'] as const) {
  if (values.browser !== 'both' && values.browser !== name) continue;
  const samples: { firstClassificationMs: number; modelLoadMs: number | null; hostFirstBatchMs: number | null }[] = [];
  for (let i = 0; i < runs; i++) {
    const session = await launchers[name]();
    try {
      const status = await firstClassification(session);
      samples.push({
        firstClassificationMs: status.firstClassificationMs as number,
        modelLoadMs: status.host?.modelLoadMs ?? null,
        hostFirstBatchMs: status.host?.firstBatchMs ?? null,
      });
      console.info(`${name} run ${i + 1}: ${JSON.stringify(samples.at(-1))}`);
    } finally {
      await session.close();
    }
  }
  const first = samples.map((s) => s.firstClassificationMs);
  (report.browsers as Record<string, unknown>)[name] = {
    samples,
    firstClassificationMs: { median: median(first), min: Math.min(...first), max: Math.max(...first) },
  };
}
await mkdir('test-output', { recursive: true });
await writeFile('test-output/bench-extension.json', JSON.stringify(report, null, 2));
console.info(JSON.stringify({ zips: report.zips, browsers: Object.fromEntries(Object.entries(report.browsers as Record<string, { firstClassificationMs: unknown }>).map(([k, v]) => [k, v.firstClassificationMs])) }, null, 2));
