/**
 * The popup's figures in a real browser, after the main scenario stored posts (scenario.ts): each
 * audience's share with its interval, author share, corrected share and verdict as the background
 * computed them, in English and in French; a correction in the review panel changes the agreement
 * figures; the data package export is produced as a blob, downloads through an <a download> link,
 * and validates; no serious or critical axe-core violation in either language; no sideways scrolling
 * at 200 % zoom (a 400 × 300 CSS-pixel window: 800 × 600 device pixels at 200 %). Screenshots go to
 * test-output/ (popup-figures-<browser>-en.png, -fr.png, -review.png, -zoom200.png).
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { expect } from 'vitest';
import { FIGURE_STRINGS, shareText } from '../../components/figures/strings';
import { unzipDataPackage } from '../../utils/export/zip';
import { validateDataPackage } from '../../utils/export/validateDataPackage';
import { parseCsv } from '../../utils/export/parseCsv';
import type { SummaryReply } from '../../utils/summary/summary';
import type { BrowserSession, BrowserTab } from '../../scripts/browser/tab';
import { ask, OUTPUT_DIR } from './scenario';
import { FEED_URL } from './pages/posts';

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const space = (text: string) => text.replace(/[\s\u202f\u00a0]+/g, ' ').trim();

async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await probe();
  }
  return last;
}

interface ShownCard {
  key: string;
  label: string;
  verdict: string;
  share: string;
  author: string;
  corrected: string;
}

function shownCards(popup: BrowserTab): Promise<ShownCard[]> {
  return popup.evaluate(
    () =>
      [...document.querySelectorAll('.audience-card')].map((card) => ({
        key: card.getAttribute('data-audience') ?? '',
        label: card.querySelector('h3')?.textContent ?? '',
        verdict: card.querySelector('.verdict')?.textContent ?? '',
        share: card.querySelector('[data-figure="share"]')?.textContent ?? '',
        author: card.querySelector('[data-figure="author"]')?.textContent ?? '',
        corrected: card.querySelector('[data-figure="corrected"]')?.textContent ?? '',
      })),
    null,
  );
}

/** The figures the popup must show for this summary, in this language. */
function expectFigures(cards: ShownCard[], summary: SummaryReply, language: 'en' | 'fr'): void {
  const s = FIGURE_STRINGS[language];
  expect(cards.map((c) => c.key)).toEqual(summary.audiences.map((a) => a.audience.key));
  summary.audiences.forEach((a, i) => {
    const card = cards[i]!;
    expect(card.label).toBe(a.audience.label);
    expect(card.verdict).toBe(s.verdicts[a.verdict]);
    expect(space(card.share)).toBe(space(shareText(a.share?.value, a.share?.low, a.share?.high, language, s.noInterval)));
    expect(space(card.author)).toBe(space(shareText(a.authorWeighted.value, a.authorWeighted.low, a.authorWeighted.high, language, s.noInterval)));
    if (a.corrected.ok) expect(space(card.corrected)).toContain(space(shareText(a.corrected.value, a.corrected.low, a.corrected.high, language, s.noInterval)));
    else expect(space(card.corrected)).toContain(space(s.noCorrection.split(':')[0]!));
  });
}

/** axe-core in the page (or part of it): the serious and critical violations (none expected). */
async function axeViolations(popup: BrowserTab, selector: string | null = null): Promise<string[]> {
  // Extension pages forbid eval (CSP), so the source goes in as the evaluated expression itself
  // (the driver's evaluation is not subject to the page's CSP); both drivers accept a string.
  await popup.evaluate(`${AXE_SOURCE};0` as unknown as () => number, null);
  return popup.evaluate(async (within) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(within ? { include: [...document.querySelectorAll(within)] } : document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, selector);
}

const openPanel = (popup: BrowserTab, name: string) =>
  popup.evaluate((panel) => {
    const details = document.querySelector(`details[data-panel="${panel}"]`) as HTMLDetailsElement | null;
    if (details) details.open = true;
  }, name);

export async function runFiguresScenario(driver: BrowserSession): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const popup = await driver.openExtensionPage('/popup.html');
  await popup.setViewport({ width: 480, height: 600 });
  await ask(popup, { to: 'background', type: 'setUiLanguage', language: 'en' });
  await popup.reload();
  let summary = await ask(popup, { to: 'background', type: 'getSummary' });
  expect(summary.audiences.length).toBeGreaterThan(0);
  expect(summary.computedMs).toBeLessThan(200);

  // 1. The figures, in English, then in French.
  let cards = await until('the figure cards', () => shownCards(popup), (c) => c.length === summary.audiences.length);
  expectFigures(cards, summary, 'en');
  expect(await axeViolations(popup)).toEqual([]);
  await popup.screenshot(`${OUTPUT_DIR}/popup-figures-${driver.name}-en.png`);

  await popup.evaluate(() => (document.querySelector('button[lang="fr"]') as HTMLButtonElement | null)?.click(), null);
  cards = await until('the French figures', () => shownCards(popup), (c) => c[0]?.verdict === FIGURE_STRINGS.fr.verdicts[summary.audiences[0]!.verdict]);
  expectFigures(cards, summary, 'fr');
  expect(await popup.evaluate(() => document.documentElement.lang, null)).toBe('fr');
  expect(await axeViolations(popup)).toEqual([]);
  await popup.screenshot(`${OUTPUT_DIR}/popup-figures-${driver.name}-fr.png`);

  // 2. Review: labelling posts changes the agreement figures.
  await openPanel(popup, 'review');
  await popup.evaluate(() => (document.querySelector('.review .field button') as HTMLButtonElement).click(), null);
  await until(
    'the review list',
    () => popup.evaluate(() => document.querySelectorAll('.review-post').length || (document.querySelector('.review')?.textContent ?? ''), null),
    (n) => typeof n === 'number' && n >= 2,
  );
  const agreementAll = () =>
    popup.evaluate(() => {
      const row = document.querySelector('tr[data-language="all"]');
      return row ? [...row.querySelectorAll('td')].map((td) => td.textContent ?? '') : null;
    }, null);
  expect(await agreementAll()).toBeNull();
  // The first post: the user agrees with the model; the second: the user disagrees.
  await popup.evaluate(() => {
    const posts = document.querySelectorAll('.review-post');
    const agree = posts[0]!.querySelector('.post-model')!.getAttribute('data-label');
    (posts[0]!.querySelector(`button[data-choice="${agree}"]`) as HTMLButtonElement).click();
  }, null);
  const one = await until('agreement on 1 label', agreementAll, (row) => row?.[0] === '1');
  await popup.evaluate(() => {
    const posts = document.querySelectorAll('.review-post');
    const model = posts[1]!.querySelector('.post-model')!.getAttribute('data-label');
    const other = model === 'professional' ? 'personal' : 'professional';
    (posts[1]!.querySelector(`button[data-choice="${other}"]`) as HTMLButtonElement).click();
  }, null);
  const two = await until('agreement on 2 labels', agreementAll, (row) => row?.[0] === '2');
  expect(one?.[1]).toBe('1,00'); // French: accuracy 1 after one agreeing label
  expect(two?.[1]).toBe('0,50'); // then 1 of 2
  summary = await ask(popup, { to: 'background', type: 'getSummary' });
  expect(summary.agreement.find((r) => r.language === 'all')).toMatchObject({ n: 2, accuracy: 0.5 });
  expect(await axeViolations(popup)).toEqual([]);
  await popup.screenshot(`${OUTPUT_DIR}/popup-figures-${driver.name}-review.png`);

  // 3. Export: the blob behind the <a download> link is a data package that validates.
  await openPanel(popup, 'export');
  await popup.evaluate(() => (document.querySelector('button[data-export="datapackage"]') as HTMLButtonElement).click(), null);
  await until('the export link', () => popup.evaluate(() => document.querySelector('a[data-export-link]')?.getAttribute('download') ?? '', null), (name) => name.endsWith('.zip'));
  const base64 = await popup.evaluate(async () => {
    const a = document.querySelector('a[data-export-link]') as HTMLAnchorElement;
    if (!a.href.startsWith('blob:')) throw new Error(`not a blob URL: ${a.href}`);
    const bytes = new Uint8Array(await (await fetch(a.href)).arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  }, null);
  const files = unzipDataPackage(Uint8Array.from(Buffer.from(base64, 'base64')));
  expect(validateDataPackage(files)).toEqual([]);
  const records = await ask(popup, { to: 'background', type: 'getRecentPosts', limit: 10_000 });
  expect(parseCsv(files['posts.csv']!).rows.slice(1)).toHaveLength(records.filter((r) => r.text.trim() !== '').length);
  expect(files['posts.csv']).not.toContain(records.find((r) => r.text.length > 30)!.text.slice(0, 30)); // no text unless opted in
  const agreementCsv = parseCsv(files['agreement.csv']!);
  expect(agreementCsv.rows.find((r) => r[0] === 'all')?.[1]).toBe('2');

  // 4. 200 % zoom: an 800 × 600 popup at 200 % is 400 × 300 CSS pixels; nothing scrolls sideways.
  await popup.evaluate(() => {
    for (const d of document.querySelectorAll('details')) (d as HTMLDetailsElement).open = false;
  }, null);
  await popup.setViewport({ width: 400, height: 300 });
  const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth, null);
  expect(overflow).toBeLessThanOrEqual(1);
  await popup.screenshot(`${OUTPUT_DIR}/popup-figures-${driver.name}-zoom200.png`);

  // 5. Options page: the reading and data sections (accessible), and badges switched on from there.
  const options = await driver.openExtensionPage('/options.html');
  await options.setViewport({ width: 800, height: 600 });
  await until('the data settings', () => options.evaluate(() => document.querySelectorAll('.data-settings').length, null), (n) => n === 2);
  expect(await axeViolations(options, '.data-settings')).toEqual([]);
  await options.evaluate(() => (document.getElementById('pref-badges') as HTMLInputElement).click(), null);
  await until('badges switched on', () => ask(options, { to: 'background', type: 'getPreferences' }), (p) => p.badges);
  await options.evaluate(() => (document.querySelector('button[data-action="delete-all"]') as HTMLButtonElement).click(), null);
  expect(await options.evaluate(() => document.querySelector('[role="alertdialog"] button[data-action="confirm-delete"]') !== null, null)).toBe(true);
  await options.screenshot(`${OUTPUT_DIR}/options-data-${driver.name}.png`);
  await options.evaluate(() => (document.querySelector('[role="alertdialog"] button:not([data-action])') as HTMLButtonElement).click(), null); // cancel

  // 6. On-page badges: an overlay outside the site's posts, which stay as they were.
  const feed = await driver.openTab(FEED_URL);
  const before = await feed.evaluate(() => [...document.querySelectorAll('[role="listitem"]')].map((e) => e.outerHTML), null);
  for (let i = 0; i < 3; i++) {
    await feed.evaluate((index) => document.querySelectorAll('[role="listitem"]')[index]?.scrollIntoView({ block: 'center' }), i);
    await new Promise((resolve) => setTimeout(resolve, 800));
  }
  await until('the badges overlay', () => feed.evaluate(() => document.querySelector('properso-badges') !== null, null), Boolean);
  const host = await feed.evaluate(() => {
    const el = document.querySelector('properso-badges')!;
    return { parent: el.parentElement?.tagName, open: el.shadowRoot !== null, pointer: (el as HTMLElement).style.pointerEvents };
  }, null);
  expect(host).toEqual({ parent: 'HTML', open: false, pointer: 'none' });
  expect(await feed.evaluate(() => [...document.querySelectorAll('[role="listitem"]')].map((e) => e.outerHTML), null)).toEqual(before);
  await feed.screenshot(`${OUTPUT_DIR}/badges-${driver.name}.png`);
  await ask(options, { to: 'background', type: 'setPreferences', preferences: { badges: false } });
  await until('badges gone', () => feed.evaluate(() => document.querySelector('properso-badges') === null, null), Boolean);
  for (const tab of [feed, options, popup]) await tab.close();
}
