/**
 * Post text with HTML is inert everywhere, in a real browser (run by chrome.inert.e2e.test.ts and
 * firefox.inert.e2e.test.ts). A LinkedIn-style page shows HTML as text in its posts, authors and title
 * (pages/inertPosts.ts); once the posts are read and classified:
 * - the reader stored the literal characters, and the page itself ran nothing (badges on);
 * - the popup's table, audience card, review list (text, author, cues) and audience picker, and the
 *   options page's audience editor, show them verbatim, with no element made from them, no handler
 *   attribute, no javascript: link, and `window.__pwned` never set;
 * - the data package (a zip blob) holds them as CSV data, the formula guarded and given back exactly
 *   by removeFormulaGuard, and the NDJSON (an x-ndjson blob) as JSON strings.
 * Screenshots: test-output/inert-<browser>-review.png, -options.png.
 */
import { mkdir } from 'node:fs/promises';
import { expect } from 'vitest';
import { removeFormulaGuard } from '../../utils/export/csv';
import { parseCsv } from '../../utils/export/parseCsv';
import { validateDataPackage } from '../../utils/export/validateDataPackage';
import { unzipDataPackage } from '../../utils/export/zip';
import type { BrowserSession, BrowserTab } from '../../scripts/browser/tab';
import { INERT_AUDIENCE_KEY, INERT_HEADING, INERT_POSTS, INERT_URL } from './pages/inertPosts';
import { ask, OUTPUT_DIR, waitFor } from './scenario';

const LABEL = `LinkedIn · ${INERT_HEADING}`;
const TEXTS = INERT_POSTS.map((p) => p.text);

interface DomReport {
  /** Elements and attributes that could only come from interpreted data. */
  suspicious: string[];
  /** typeof window.__pwned: "undefined" unless a payload ran in this page. */
  pwned: string;
}

/** Runs in the page: what an interpreted payload would have left behind. */
function inspectDom(): DomReport {
  const suspicious = [...document.querySelectorAll('img, iframe, object, embed, frame, [srcdoc]')].map((el) => el.outerHTML);
  // The page's own scripts are files (src); an inline one, or one mentioning the payload, is not ours.
  for (const script of document.querySelectorAll('script')) {
    if (!script.src || script.textContent?.includes('__pwned')) suspicious.push(script.outerHTML);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || (/^(href|src|xlink:href|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value))) {
        suspicious.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
      }
    }
  }
  return { suspicious, pwned: typeof (window as unknown as { __pwned?: unknown }).__pwned };
}

async function expectInert(tab: BrowserTab): Promise<void> {
  expect(await tab.evaluate(inspectDom, null)).toEqual({ suspicious: [], pwned: 'undefined' });
}

const openPanel = (popup: BrowserTab, name: string) =>
  popup.evaluate((panel) => {
    const details = document.querySelector(`details[data-panel="${panel}"]`) as HTMLDetailsElement | null;
    if (details) details.open = true;
  }, name);

/** Clicks an export button and returns the blob behind the link it makes: its type and bytes. */
async function exportBlob(popup: BrowserTab, format: 'datapackage' | 'ndjson'): Promise<{ type: string; bytes: Buffer }> {
  await popup.evaluate((f) => (document.querySelector(`button[data-export="${f}"]`) as HTMLButtonElement).click(), format);
  await waitFor(`the ${format} link`, () => popup.evaluate((f) => document.querySelector(`a[data-export-link="${f}"]`) !== null, format), Boolean);
  const { type, base64 } = await popup.evaluate(async (f) => {
    const a = document.querySelector(`a[data-export-link="${f}"]`) as HTMLAnchorElement;
    if (!a.href.startsWith('blob:')) throw new Error(`not a blob URL: ${a.href}`);
    const blob = await (await fetch(a.href)).blob();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return { type: blob.type, base64: btoa(binary) };
  }, format);
  return { type, bytes: Buffer.from(base64, 'base64') };
}

export async function runInertScenario(driver: BrowserSession): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const popup = await driver.openExtensionPage('/popup.html');
  await popup.setViewport({ width: 480, height: 700 });
  await ask(popup, { to: 'background', type: 'setUiLanguage', language: 'en' });
  await ask(popup, { to: 'background', type: 'setPreferences', preferences: { badges: true, includeTextInExports: true } });

  // 1. The page: posts read as the literal characters it shows; the page runs nothing, badges included.
  const page = await driver.openTab(INERT_URL);
  const before = await page.evaluate(() => [...document.querySelectorAll('[role="listitem"]')].map((e) => e.outerHTML), null);
  expect(before).toHaveLength(INERT_POSTS.length);
  for (let i = 0; i < INERT_POSTS.length; i++) {
    await page.evaluate((index) => document.querySelectorAll('[role="listitem"]')[index]?.scrollIntoView({ block: 'center' }), i);
    await new Promise((resolve) => setTimeout(resolve, 800));
  }
  const records = await waitFor(
    'the posts to be stored',
    () => ask(popup, { to: 'background', type: 'getRecentPosts', limit: 50 }),
    (r) => r.length >= INERT_POSTS.length,
  );
  expect(records.map((r) => r.text).sort()).toEqual([...TEXTS].sort());
  expect(records.map((r) => r.author?.name).sort()).toEqual(INERT_POSTS.map((p) => p.author).sort());
  expect(new Set(records.map((r) => r.audience.label))).toEqual(new Set([LABEL]));
  await waitFor('the badges overlay', () => page.evaluate(() => document.querySelector('properso-badges') !== null, null), Boolean);
  expect(await page.evaluate(() => [...document.querySelectorAll('[role="listitem"]')].map((e) => e.outerHTML), null)).toEqual(before);
  expect(await page.evaluate(() => typeof (window as unknown as { __pwned?: unknown }).__pwned, null)).toBe('undefined');

  // 2. The popup: the table and the audience card.
  await popup.reload();
  const shown = await waitFor(
    'the table and the card',
    () => popup.evaluate(() => ({
      rows: [...document.querySelectorAll('table.audiences tbody th')].map((th) => th.textContent),
      cards: [...document.querySelectorAll('.audience-card h3')].map((h) => h.textContent),
    }), null),
    (s) => s.rows.length > 0 && s.cards.length > 0,
  );
  expect(shown).toEqual({ rows: [LABEL], cards: [LABEL] });
  await expectInert(popup);

  // 3. The review list: text, author and cues verbatim; the audience picker names the audience verbatim.
  await openPanel(popup, 'review');
  await popup.evaluate(() => (document.querySelector('.review .field button') as HTMLButtonElement).click(), null);
  const review = await waitFor(
    'the review list',
    () => popup.evaluate(() => ({
      picker: [...document.querySelectorAll('#review-audience option')].map((o) => [o.getAttribute('value'), o.textContent]),
      posts: [...document.querySelectorAll('.review-post')].map((li) => ({
        text: li.querySelector('.post-text')?.textContent ?? '',
        author: li.querySelector('.post-text strong')?.textContent ?? '',
        cues: li.querySelector('.cues')?.textContent ?? '',
      })),
    }), null),
    (r) => r.posts.length >= INERT_POSTS.length,
  );
  expect(review.picker).toEqual([[INERT_AUDIENCE_KEY, LABEL]]);
  expect(review.posts.map((p) => p.text).sort()).toEqual(INERT_POSTS.map((p) => `${p.author}: ${p.text}`).sort());
  expect(review.posts.map((p) => p.author).sort()).toEqual(INERT_POSTS.map((p) => `${p.author}: `).sort());
  for (const post of review.posts) expect(post.cues.length).toBeGreaterThan(0);
  await expectInert(popup);
  await popup.screenshot(`${OUTPUT_DIR}/inert-${driver.name}-review.png`);

  // 4. Exports: the data package's CSV holds the texts as data (formula guarded, given back exactly).
  await openPanel(popup, 'export');
  const zip = await exportBlob(popup, 'datapackage');
  expect(zip.type).toBe('application/zip');
  const files = unzipDataPackage(new Uint8Array(zip.bytes));
  expect(Object.keys(files).sort()).toEqual(['agreement.csv', 'datapackage.json', 'posts.csv', 'tallies.csv']);
  expect(validateDataPackage(files)).toEqual([]);
  const [header, ...rows] = parseCsv(files['posts.csv']!).rows;
  const cells = rows.map((row) => row[header!.indexOf('text')]!);
  expect(cells.map(removeFormulaGuard).sort()).toEqual([...TEXTS].sort());
  expect(cells.find((c) => c.includes('HYPERLINK'))).toMatch(/^'=HYPERLINK\(/);
  //    The NDJSON: one JSON string per post, the same characters.
  const ndjson = await exportBlob(popup, 'ndjson');
  expect(ndjson.type).toBe('application/x-ndjson');
  const lines = ndjson.bytes.toString('utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { text: string });
  expect(lines.map((l) => l.text).sort()).toEqual([...TEXTS].sort());
  await expectInert(popup);

  // 5. The options page's audience editor: the name as text and as the rename field's placeholder.
  const options = await driver.openExtensionPage('/options.html');
  await options.setViewport({ width: 800, height: 600 });
  const editor = await waitFor(
    'the audience editor',
    () => options.evaluate(() => [...document.querySelectorAll('.audience-settings tbody tr')].map((tr) => ({
      name: tr.querySelector('th')?.textContent ?? '',
      placeholder: tr.querySelector('input')?.getAttribute('placeholder') ?? '',
    })), null),
    (rows) => rows.length > 0,
  );
  expect(editor).toEqual([{ name: LABEL, placeholder: LABEL }]);
  await expectInert(options);
  await options.screenshot(`${OUTPUT_DIR}/inert-${driver.name}-options.png`);

  for (const tab of [page, options, popup]) await tab.close();
}
