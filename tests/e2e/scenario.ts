/**
 * The scenario both real-browser suites run, written once against a small driver so Chromium
 * (playwright-core) and Firefox (puppeteer-core over BiDi) check the same things: posts read from pages
 * served at their real URLs, classified by the real model in the real inference host, counted once
 * across tabs, and shown in the popup.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { loadNodeClassifier } from '../../scripts/model/loadNodeClassifier';
import type { CountsReply, InferenceStatus, Message, Replies } from '../../utils/messaging/protocol';
import type { PostRecord } from '../../utils/storage/posts';
import { COMPANY_POSTS, COMPANY_URL, FEED_POSTS, FEED_URL, renderLinkedInPage } from './pages/posts';
import type { SavedPage } from '../../scripts/browser/servePages';
import { sendFromExtensionPage, type BrowserSession, type BrowserTab } from '../../scripts/browser/tab';

export const OUTPUT_DIR = 'test-output';

/** The invented pages; every platform's saved pages are served in turn by platformPages.ts. */
export const PAGES: SavedPage[] = [
  { url: FEED_URL, html: renderLinkedInPage('Feed | LinkedIn', null, FEED_POSTS) },
  { url: COMPANY_URL, html: renderLinkedInPage('Atelier Nordique | LinkedIn', 'Atelier Nordique', COMPANY_POSTS) },
];

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Brings every post to the middle of the window for 800 ms: more than the 500 ms a post needs. */
async function scrollThroughPosts(tab: BrowserTab): Promise<number> {
  const count = await tab.evaluate(() => document.querySelectorAll('[role="listitem"]').length, null);
  for (let i = 0; i < count; i++) {
    await tab.evaluate((index) => {
      document.querySelectorAll('[role="listitem"]')[index]?.scrollIntoView({ block: 'center' });
    }, i);
    await new Promise((resolve) => setTimeout(resolve, 800));
  }
  return count;
}

/** Scrolls a saved page from top to bottom, 40 % of the window at a time, 800 ms per step. */
export async function scrollThroughPage(tab: BrowserTab): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 800));
    const atBottom = await tab.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.round(window.innerHeight * 0.4));
      return window.scrollY === before;
    }, null);
    if (atBottom) return;
  }
}

/** Sends a protocol message from the popup page (an extension page, so it may talk to the background). */
export function ask<M extends Message>(popup: BrowserTab, message: M): Promise<Replies[M['type']]> {
  return sendFromExtensionPage<Replies[M['type']]>(popup, message);
}

export async function waitFor<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await probe();
  }
  return last;
}

export interface ScenarioResult {
  records: PostRecord[];
  counts: CountsReply;
  status: InferenceStatus;
}

export async function runScenario(driver: BrowserSession): Promise<ScenarioResult> {
  const expectedFeed = FEED_POSTS.filter((p) => !p.promoted).map((p) => normalise(p.text));
  const expectedCompany = COMPANY_POSTS.map((p) => normalise(p.text));
  const popup = await driver.openExtensionPage('/popup.html');
  await popup.setViewport({ width: 480, height: 360 });
  const recent = () => ask(popup, { to: 'background', type: 'getRecentPosts', limit: 100 });

  // 1. The feed: every post is read, classified and stored; the promoted one marked sponsored.
  const feed = await driver.openTab(FEED_URL);
  expect(await scrollThroughPosts(feed)).toBe(FEED_POSTS.length);
  await waitFor('the feed posts to be stored', recent, (r) => r.length >= FEED_POSTS.length);

  // 2. A company page after it: a second audience.
  const company = await driver.openTab(COMPANY_URL);
  await scrollThroughPosts(company);
  const expectedTotal = FEED_POSTS.length + expectedCompany.length;
  let records = await waitFor('the company posts', recent, (r) => r.length >= expectedTotal);

  // 3. (Every platform's saved pages: platformPages.ts, the suite's next test.)
  // 4. The same feed in another tab counts nothing new.
  const again = await driver.openTab(FEED_URL);
  await scrollThroughPosts(again);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  records = await recent();

  const byText = (audienceKey: string) =>
    records.filter((r) => r.audience.key === audienceKey && !r.sponsored).map((r) => r.text).sort();
  expect(records).toHaveLength(expectedTotal);
  expect(byText('linkedin:feed')).toEqual([...expectedFeed].sort());
  expect(byText('linkedin:page:atelier-nordique-e2e')).toEqual([...expectedCompany].sort());
  // Promoted: recorded, marked sponsored, and (below) left out of the counts.
  expect(records.filter((r) => r.sponsored).map((r) => r.text)).toEqual(['Try our cloud platform free for 30 days.']);

  // 5. Classified by the real model: the same predictions as onnxruntime-web in Node.
  const classifier = await loadNodeClassifier();
  const expected = await classifier.classify(records.map((r) => r.text));
  records.forEach((record, i) => {
    const want = expected[i];
    expect(record.pProfessional).toBeGreaterThan(0);
    expect(record.pProfessional).toBeLessThan(1);
    expect(record.pProfessional).toBeCloseTo(want?.pProfessional ?? NaN, 5);
    expect(record.label).toBe(want?.label);
    expect(record.uncertain).toBe(want?.uncertain);
    expect(record.model).toBe(`${classifier.meta.id}@${classifier.meta.version}`);
  });

  // 6. Counted per audience and shown in the popup.
  const counts = await ask(popup, { to: 'background', type: 'getCounts' });
  expect(counts.audiences.map((a) => a.audience.key)).toEqual(['linkedin:feed', 'linkedin:page:atelier-nordique-e2e']);
  for (const row of counts.audiences) {
    const mine = records.filter((r) => r.audience.key === row.audience.key && !r.sponsored);
    expect(row).toMatchObject({
      posts: mine.length,
      professional: mine.filter((r) => !r.uncertain && r.label === 'professional').length,
      personal: mine.filter((r) => !r.uncertain && r.label === 'personal').length,
      uncertain: mine.filter((r) => r.uncertain).length,
    });
  }
  await popup.reload();
  const shown = await waitFor(
    'the popup table',
    () =>
      popup.evaluate(
        () =>
          [...document.querySelectorAll('tbody tr')].map((tr) =>
            [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
          ),
        null,
      ),
    (rows) => rows.length === counts.audiences.length,
  );
  expect(shown).toEqual(
    counts.audiences.map((row) => [
      row.audience.label,
      String(row.posts),
      String(row.professional),
      String(row.personal),
      String(row.uncertain),
    ]),
  );
  await mkdir(OUTPUT_DIR, { recursive: true });
  await popup.screenshot(`${OUTPUT_DIR}/popup-${driver.name}.png`);

  // The popup speaks French on request, and the background remembers the choice.
  await popup.evaluate(() => (document.querySelector('button[lang="fr"]') as HTMLButtonElement | null)?.click(), null);
  await waitFor(
    'the French popup',
    () => popup.evaluate(() => document.querySelector('thead th:nth-child(3)')?.textContent ?? '', null),
    (header) => header === 'Pro',
  );
  await popup.screenshot(`${OUTPUT_DIR}/popup-${driver.name}-fr.png`);
  expect(await ask(popup, { to: 'background', type: 'getSettings' })).toEqual({ uiLanguage: 'fr' });

  // 7. The first classification after the browser started, as the background measured it.
  const status = await ask(popup, { to: 'background', type: 'getInferenceStatus' });
  await writeFile(
    `${OUTPUT_DIR}/e2e-${driver.name}.json`,
    JSON.stringify({ status, counts, records: records.length }, null, 2),
  );
  for (const tab of [feed, company, again, popup]) await tab.close();
  return { records, counts, status };
}
