// Catches exports that let a post's text act on whatever opens them: a CSV cell a spreadsheet would run
// as a formula (OWASP CSV injection: =, +, -, @, tab, CR), a guard that cannot be undone exactly (the
// original text lost), an NDJSON record cut in two by a line separator (U+2028, NEL…) or altered, and HTML or </script>
// in a post, an author or an audience coming out of the extension's export as anything but data.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { removeFormulaGuard, runsAsFormula, toCsv } from '../../../utils/export/csv';
import { buildDataPackage } from '../../../utils/export/dataPackage';
import { toNdjson } from '../../../utils/export/ndjson';
import { parseCsv } from '../../../utils/export/parseCsv';
import { validateDataPackage } from '../../../utils/export/validateDataPackage';
import { unzipDataPackage } from '../../../utils/export/zip';
import { seededRandom } from '../../../utils/random/seededRandom';
import { openDatabase } from '../../../utils/storage/db';
import { addNewPosts } from '../../../utils/storage/posts';
import { createResearchService } from '../../../utils/summary/service';
import { syntheticRecords } from '../../../utils/summary/synthetic';
import modelMeta from '../../../models/properso.json';
import { SAMPLE_AGREEMENT, SAMPLE_METADATA, SAMPLE_POSTS, SAMPLE_TALLIES } from './sample';

/** Texts a spreadsheet would run, from the OWASP list of first characters, and classic payloads. */
const FORMULAS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '=HYPERLINK("http://evil.invalid","<img src=x onerror=alert(1)>")',
  "=cmd|' /C calc'!A0",
  '-2+3,"quoted", and more',
];
/** Texts that must come out exactly as they are, guard or not. */
const KEPT = ['-0.93', '+33', '2e-4', "'quoted'", "l'été", '', 'a=b', '<script>alert(1)</script>', ' =1+1', '\n=1+1'];
/** A post that itself begins with apostrophes before a formula character: guarded, and given back exactly. */
const APOSTROPHE_FORMULAS = ["'=x", "''@y", "'-3", "'\tz"];
/** Post texts with HTML, entities, script-closing tags and line separators: data, whatever the format. */
const HTML_TEXTS = [
  '<img src=x onerror="window.__pwned=1"> Nous recrutons',
  '</script><script>window.__pwned=1</script>',
  '<a href="javascript:window.__pwned=1">clic</a> &lt;b&gt; &amp;amp;',
  'one\u2028two\u2029three\u0085four\vfive\fsix\u001cseven\r\neight',
  '<!-- --> ]]> \u202Egnp.exe\u202C',
];

/** One column through toCsv and parseCsv: the raw cells as a reader sees them. */
function roundTrip(texts: readonly string[]): string[] {
  const parsed = parseCsv(toCsv(['text'], texts.map((t) => [t])));
  expect(parsed.errors).toEqual([]);
  return parsed.rows.slice(1).map((row) => row[0]!);
}

describe('CSV: formula guard (OWASP CSV injection)', () => {
  it.each(FORMULAS)('guards %j with a leading apostrophe, and gives it back', (text) => {
    const [cell] = roundTrip([text]);
    expect(cell).toBe(`'${text}`);
    expect(runsAsFormula(cell!)).toBe(false);
    expect(removeFormulaGuard(cell!)).toBe(text);
  });

  it('leaves numbers, plain text, a leading space and HTML unchanged', () => {
    expect(roundTrip(KEPT)).toEqual(KEPT);
    for (const text of KEPT) expect(removeFormulaGuard(text)).toBe(text);
  });

  it('guards apostrophes before a formula character too, so that undoing the guard is exact', () => {
    const cells = roundTrip(APOSTROPHE_FORMULAS);
    expect(cells).toEqual(APOSTROPHE_FORMULAS.map((t) => `'${t}`));
    expect(cells.map(removeFormulaGuard)).toEqual(APOSTROPHE_FORMULAS);
  });

  it('on 20,000 random texts of formula characters, quotes and separators: no cell runs, every text comes back', () => {
    const random = seededRandom(2028);
    const alphabet = ["'", "'", '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', ' ', '1', '.', 'e', 'a', '<', '>', '&'];
    const texts = Array.from({ length: 20_000 }, () =>
      Array.from({ length: Math.floor(random() * 7) }, () => alphabet[Math.floor(random() * alphabet.length)]!).join(''),
    );
    const cells = roundTrip(texts);
    expect(cells.filter(runsAsFormula)).toEqual([]);
    expect(cells.map(removeFormulaGuard)).toEqual(texts);
    // The guard is one apostrophe, added only where needed.
    cells.forEach((cell, i) => expect([texts[i], `'${texts[i]}`]).toContain(cell));
  });

  it('in a data package: every string column guarded, the validator accepts it, the texts come back', async () => {
    const texts = [...FORMULAS, ...APOSTROPHE_FORMULAS, ...HTML_TEXTS];
    const posts = texts.map((text, i) => ({ ...SAMPLE_POSTS[i % SAMPLE_POSTS.length]!, post_id: `p${i}`, audience: i % 2 ? '=cmd|"/C calc"!A0' : '<b>audience</b>', text }));
    const files = await buildDataPackage({
      posts, tallies: SAMPLE_TALLIES, agreement: SAMPLE_AGREEMENT, metadata: SAMPLE_METADATA,
      privacy: { key: 'test-key-not-secret', keyKind: 'random', includeText: true },
    });
    expect(validateDataPackage(files)).toEqual([]);
    const [header, ...rows] = parseCsv(files['posts.csv']!).rows;
    const column = (name: string) => rows.map((row) => row[header!.indexOf(name)]!);
    expect(column('text').map(removeFormulaGuard)).toEqual(texts);
    expect(column('audience').map(removeFormulaGuard)).toEqual(posts.map((p) => p.audience));
    for (const cell of rows.flat()) expect(runsAsFormula(cell)).toBe(false);
  });
});

describe('NDJSON: text is JSON data', () => {
  it('keeps </script>, HTML and line separators (U+2028, U+2029, NEL) as data, one record per line', () => {
    const records = HTML_TEXTS.map((text, i) => ({ id: i, text, cues: [{ feature: text.slice(0, 12) }] }));
    const out = toNdjson(records);
    expect(out).not.toMatch(/[\u0085\u2028\u2029]/); // escaped: no reader splits a record there
    expect(out).toContain('</script><script>'); // a JSON string, nothing to escape
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(records.length);
    expect(lines.map((line) => JSON.parse(line))).toEqual(records);
    // Nothing else any reader takes for a line end (Python's str.splitlines: \v \f \x1c-\x1e \x85 …):
    // control characters are JSON escapes, NEL, U+2028 and U+2029 too.
    expect([...out].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
  });
});

describe('extension export: hostile posts come out as data', () => {
  globalThis.IDBKeyRange ??= IDBKeyRange;
  const page = { url: 'chrome-extension://abc/popup.html' };
  const NOW = Date.UTC(2026, 10, 1, 12);
  let db: IDBDatabase;
  beforeEach(async () => {
    db = await openDatabase(new IDBFactory());
  });
  afterEach(() => fakeBrowser.reset());

  it('data package (application/zip) and NDJSON (application/x-ndjson): texts, cues and audiences verbatim', async () => {
    const texts = [...FORMULAS, ...APOSTROPHE_FORMULAS, ...HTML_TEXTS];
    const audience = { key: 'linkedin:page:<img src=x onerror=alert(1)>', kind: 'page' as const, label: 'LinkedIn · <script>alert(1)</script>' };
    const records = syntheticRecords(texts.length, { model: `${modelMeta.id}@${modelMeta.version}`, end: NOW }).map((r, i) => ({
      ...r,
      sponsored: false,
      text: texts[i]!,
      author: { name: `<b onmouseover=alert(1)>Claire ${i}</b>`, handle: `claire${i}` },
      audience,
      cues: { professional: [{ feature: texts[i]!.slice(0, 10), weight: 0.5 }], personal: [] },
    }));
    await addNewPosts(db, records);
    const service = createResearchService({ database: async () => db, modelMeta, definitions: async () => undefined, extensionOrigin: 'chrome-extension://abc/', version: '0.1.0', now: () => NOW });
    await service.handlers.setPreferences({ to: 'background', type: 'setPreferences', preferences: { includeTextInExports: true } }, page);
    const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

    const zip = await service.handlers.exportData({ to: 'background', type: 'exportData', format: 'datapackage' }, page);
    expect(zip.mimeType).toBe('application/zip');
    const files = unzipDataPackage(decode(zip.base64));
    expect(Object.keys(files).sort()).toEqual(['agreement.csv', 'datapackage.json', 'posts.csv', 'tallies.csv']);
    expect(validateDataPackage(files)).toEqual([]);
    const [header, ...rows] = parseCsv(files['posts.csv']!).rows;
    expect(rows.map((row) => removeFormulaGuard(row[header!.indexOf('text')]!)).sort()).toEqual([...texts].sort());
    expect(new Set(rows.map((row) => row[header!.indexOf('audience')]))).toEqual(new Set([audience.key]));
    expect(() => JSON.parse(files['datapackage.json']!)).not.toThrow();

    const nd = await service.handlers.exportData({ to: 'background', type: 'exportData', format: 'ndjson' }, page);
    expect(nd.mimeType).toBe('application/x-ndjson');
    const text = new TextDecoder().decode(decode(nd.base64));
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { text: string; audience: string; cues: { professional: { feature: string }[] } });
    expect(lines.map((l) => l.text).sort()).toEqual([...texts].sort());
    expect(lines.map((l) => l.cues.professional[0]!.feature).sort()).toEqual(texts.map((t) => t.slice(0, 10)).sort());
    expect(new Set(lines.map((l) => l.audience))).toEqual(new Set([audience.key]));
    expect(text).not.toMatch(/[\u0085\u2028\u2029]/);
  });
});
