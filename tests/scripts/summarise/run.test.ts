// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pseudonymise } from '../../../utils/export/pseudonymise';
import { validateDataPackage } from '../../../utils/export/validateDataPackage';
import { unzipDataPackage } from '../../../utils/export/zip';
import type { ModelMeta } from '../../../utils/model/types';
import { modelCardRates } from '../../../utils/statistics/agreement';
import { roganGladen } from '../../../utils/statistics/roganGladen';
import { wilsonInterval } from '../../../utils/statistics/wilson';
import { classified, csvObjects, jsonl, readFolder, summarise, tempDir } from './helpers';

const META = JSON.parse(readFileSync(join(import.meta.dirname, '../../../models/properso.json'), 'utf8')) as ModelMeta;

/** 40 French posts on the LinkedIn feed (30 professional), 10 on a Facebook group (2 professional), 1 without text. */
function sample(): string {
  const records = [
    ...Array.from({ length: 40 }, (_, i) => classified(i, { label: i < 30 ? 'professional' : 'personal' })),
    ...Array.from({ length: 10 }, (_, i) => classified(100 + i, { audience: 'facebook:group:cci', label: i < 2 ? 'professional' : 'personal', author: `fb${i}` })),
    classified(999, { label: null }),
  ];
  return jsonl(records);
}

describe('npm run summarise', () => {
  it('writes a data package that validates against its own datapackage.json, and prints a table', async () => {
    const dir = tempDir({ 'c.jsonl': sample() });
    const { code, stdout, stderr } = await summarise(['c.jsonl', '--by', 'audience', '--out', 'pkg'], dir);
    expect(stderr).toContain('c.jsonl: 51 records, 50 classified posts in 2 groups by "audience"; left out: 1 no text');
    expect(code).toBe(0);
    const files = readFolder(join(dir, 'pkg'));
    expect(Object.keys(files).sort()).toEqual(['agreement.csv', 'datapackage.json', 'posts.csv', 'tallies.csv']);
    expect(validateDataPackage(files)).toEqual([]);

    const tallies = csvObjects(files['tallies.csv']!);
    expect(tallies.map((t) => [t.audience, t.unit, t.n, t.k])).toEqual([
      ['linkedin:feed', 'post', '40', '30'],
      ['linkedin:feed', 'author', '7', ''],
      ['facebook:group:cci', 'post', '10', '2'],
      ['facebook:group:cci', 'author', '10', ''],
    ]);
    const feed = tallies[0]!;
    const ci = wilsonInterval(30, 40)!;
    expect(Number(feed.share)).toBe(0.75);
    expect(Number(feed.ci_low)).toBeCloseTo(ci.low, 6);
    expect(Number(feed.ci_high)).toBeCloseTo(ci.high, 6);
    // Model card rates for French, with the test split's class sizes → Lang–Reiczigel.
    const fr = modelCardRates('fr', META)!;
    const corrected = roganGladen({ k: 30, n: 40 }, fr.sensitivity, fr.specificity, { nSensitivity: fr.nSensitivity, nSpecificity: fr.nSpecificity });
    if (!corrected.ok) throw new Error(corrected.reason);
    expect(corrected.method).toBe('lang-reiczigel-2014');
    expect(Number(feed.corrected_share)).toBeCloseTo(corrected.value, 6);
    expect(Number(feed.corrected_ci_low)).toBeCloseTo(corrected.low!, 6);
    expect(Number(feed.corrected_ci_high)).toBeCloseTo(corrected.high!, 6);
    expect(feed.method).toBe(`wilson; lang-reiczigel-2014 (fr: Se ${fr.sensitivity.toFixed(3)}, Sp ${fr.specificity.toFixed(3)} from ${fr.source})`);
    expect(feed.window_start).toBe('2024-03-10T10:00:00Z');
    // Each Facebook author wrote one post: the author-level share is the post share, with a t-interval.
    expect(Number(tallies[3]!.share)).toBeCloseTo(0.2, 10);
    expect(tallies[3]!.method).toMatch(/^t-interval over 10 authors \(10 posts\); rogan-gladen-delta/);
    expect(tallies[2]!.verdict).toBe('not_enough');

    const descriptor = JSON.parse(files['datapackage.json']!);
    expect(descriptor.created).toBe('2024-04-01T12:00:00.000Z');
    expect(descriptor.properso).toMatchObject({
      model: { id: META.id, sha256: META.sha256 },
      codebookVersion: META.codebookVersion,
      grouping: { by: 'audience', window: 'all', timeZone: 'UTC' },
      sampling: { postsSeen: 51, postsIncluded: 50, excluded: [{ reason: expect.stringMatching(/^no text/), count: 1 }] },
      privacy: { textIncluded: false },
    });
    expect(descriptor.properso.errorRates.fr.source).toMatch(/model card/);
    expect(descriptor.properso.errorRates.other).toBeNull();

    expect(stdout.split('\n')[0]).toMatch(/^audience\s+window\s+unit\s+n\s+share \[95 % CI\]\s+corrected \[95 % CI\]\s+verdict$/);
    expect(stdout).toMatch(/linkedin:feed\s+all\s+posts\s+40\s+75 % \[60–86\]/);
    expect(stdout).toMatch(/facebook:group:cci\s+all\s+posts\s+10\s+20 % .*not enough posts/);
  });

  it('--zip writes one reproducible zip (fixed key and clock) that validates', async () => {
    const dir = tempDir({ 'c.jsonl': sample(), 'key.txt': 'my secret key\n' });
    const args = ['c.jsonl', '--by', 'audience', '--zip', '--key-file', 'key.txt'];
    expect((await summarise([...args, '--out', 'a.zip'], dir)).code).toBe(0);
    expect((await summarise([...args, '--out', 'out'], dir)).code).toBe(0);
    const a = readFileSync(join(dir, 'a.zip'));
    const b = readFileSync(join(dir, 'out', 'properso-data-package.zip'));
    expect(a.equals(b)).toBe(true);
    const files = unzipDataPackage(a);
    expect(validateDataPackage(files)).toEqual([]);
    const posts = csvObjects(files['posts.csv']!);
    expect(posts[0]!.post_id).toBe(await pseudonymise('linkedin:p0', 'my secret key'));
    expect(JSON.parse(files['datapackage.json']!).properso.privacy.key).toMatch(/user's own key/);
  });

  it('--window day in a time zone: one row pair per local day; posts without time are counted', async () => {
    const records = [
      classified(1, { posted_at: '2024-03-09T23:30:00Z' }), // Paris: 10 March
      classified(2, { posted_at: '2024-03-09T22:30:00Z', label: 'personal' }), // Paris: 9 March
      classified(3, { posted_at: null }),
    ];
    const dir = tempDir({ 'c.jsonl': jsonl(records) });
    const { code, stdout } = await summarise(['c.jsonl', '--by', 'audience', '--out', 'pkg', '--window', 'day', '--tz', 'Europe/Paris'], dir);
    expect(code).toBe(0);
    const files = readFolder(join(dir, 'pkg'));
    expect(validateDataPackage(files)).toEqual([]);
    const posts = csvObjects(files['tallies.csv']!).filter((t) => t.unit === 'post');
    expect(posts.map((t) => [t.window_start, t.window_end, t.n, t.k])).toEqual([
      ['2024-03-08T23:00:00Z', '2024-03-09T23:00:00Z', '1', '0'],
      ['2024-03-09T23:00:00Z', '2024-03-10T23:00:00Z', '1', '1'],
    ]);
    expect(stdout).toContain('2024-03-10');
    const meta = JSON.parse(files['datapackage.json']!).properso;
    expect(meta.sampling.excluded).toEqual([{ reason: expect.stringMatching(/no usable "posted_at" time/), count: 1 }]);
    expect(csvObjects(files['posts.csv']!)).toHaveLength(3); // kept in posts.csv
  });

  it('--window week starts on Monday', async () => {
    const records = [classified(1, { posted_at: '2024-03-10T12:00:00Z' }), classified(2, { posted_at: '2024-03-11T12:00:00Z' })];
    const dir = tempDir({ 'c.jsonl': jsonl(records) });
    expect((await summarise(['c.jsonl', '--by', 'audience', '--out', 'pkg', '--window', 'week'], dir)).code).toBe(0);
    const rows = csvObjects(readFolder(join(dir, 'pkg'))['tallies.csv']!).filter((t) => t.unit === 'post');
    expect(rows.map((t) => t.window_start)).toEqual(['2024-03-04T00:00:00Z', '2024-03-11T00:00:00Z']);
  });

  it('--by author: groups are the pseudonymised authors (joinable with posts.author_id), no handle in the clear', async () => {
    const dir = tempDir({ 'c.jsonl': jsonl([classified(1, { author: 'jdupont' }), classified(2, { author: 'jdupont', label: 'personal' }), classified(3, { author: 'amartin' })]) });
    const { code, stdout } = await summarise(['c.jsonl', '--by', 'author', '--out', 'pkg'], dir, { PROPERSO_PSEUDONYM_KEY: 'k' });
    expect(code).toBe(0);
    const files = readFolder(join(dir, 'pkg'));
    expect(validateDataPackage(files)).toEqual([]);
    const jd = await pseudonymise('linkedin:jdupont', 'k');
    const tallies = csvObjects(files['tallies.csv']!);
    expect(tallies[0]).toMatchObject({ audience: jd, unit: 'post', n: '2', k: '1' });
    expect(csvObjects(files['posts.csv']!)[0]!.author_id).toBe(jd);
    for (const text of [...Object.values(files), stdout]) expect(text).not.toMatch(/jdupont|amartin/);
  });

  it('--with-text adds the text column, formulas escaped', async () => {
    const dir = tempDir({ 'c.jsonl': jsonl([classified(1, { text: '=HYPERLINK("http://evil.invalid")' }), classified(2, { text: 'line\nbreak, "quoted"' })]) });
    expect((await summarise(['c.jsonl', '--by', 'audience', '--out', 'pkg', '--with-text'], dir)).code).toBe(0);
    const files = readFolder(join(dir, 'pkg'));
    expect(validateDataPackage(files)).toEqual([]);
    expect(csvObjects(files['posts.csv']!).map((p) => p.text)).toEqual(['\'=HYPERLINK("http://evil.invalid")', 'line\nbreak, "quoted"']);
  });

  it('human labels fill agreement.csv and, from 20 in a language, replace the model card rates', async () => {
    const records = Array.from({ length: 24 }, (_, i) => classified(i, { label: i % 2 ? 'professional' : 'personal', human_label: i < 20 ? (i % 2 ? 'professional' : 'personal') : 'professional' }));
    const dir = tempDir({ 'c.jsonl': jsonl(records) });
    expect((await summarise(['c.jsonl', '--by', 'audience', '--out', 'pkg'], dir)).code).toBe(0);
    const files = readFolder(join(dir, 'pkg'));
    expect(validateDataPackage(files)).toEqual([]);
    const agreement = csvObjects(files['agreement.csv']!);
    expect(agreement.map((a) => [a.language, a.n, a.sensitivity, a.specificity])).toEqual([
      ['fr', '24', '0.857143', '1'],
      ['all', '24', '0.857143', '1'],
    ]);
    const meta = JSON.parse(files['datapackage.json']!).properso;
    expect(meta.errorRates.fr).toMatchObject({ source: '24 human labels', nSensitivity: 14, nSpecificity: 10 });
    expect(csvObjects(files['tallies.csv']!)[0]!.method).toMatch(/from 24 human labels/);
  });

  it('records of another model: warned, not corrected', async () => {
    const dir = tempDir({ 'c.jsonl': jsonl([{ ...classified(1), model: 'some-other-model' }]) });
    const { code, stderr } = await summarise(['c.jsonl', '--by', 'audience', '--out', 'pkg'], dir);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: the posts were classified by some-other-model.*not corrected/);
    const row = csvObjects(readFolder(join(dir, 'pkg'))['tallies.csv']!)[0]!;
    expect(row.corrected_share).toBe('');
    expect(row.method).toMatch(/not corrected: the posts were classified by some-other-model/);
  });
});

describe('npm run summarise: clear errors, nothing written', () => {
  async function fails(files: Record<string, string>, argv: string[]) {
    const dir = tempDir(files);
    const result = await summarise(argv, dir);
    expect(result.code).toBe(2);
    expect(existsSync(join(dir, 'pkg'))).toBe(false);
    return result.stderr;
  }

  it('a record without the --by field, naming the line', async () => {
    const text = jsonl([classified(1), { ...classified(2), audience: undefined }, classified(3)]);
    const stderr = await fails({ 'c.jsonl': text }, ['c.jsonl', '--by', 'audience', '--out', 'pkg']);
    expect(stderr).toContain('c.jsonl:2: no "audience" value (fields: id, label, p_professional');
    expect(stderr).toMatch(/1 problem in c.jsonl; nothing was written\. Fix them, or rerun with --skip-missing/);
  });

  it('--skip-missing leaves those posts out and says so', async () => {
    const dir = tempDir({ 'c.jsonl': jsonl([classified(1), { ...classified(2), audience: null }]) });
    const { code, stderr } = await summarise(['c.jsonl', '--by', 'audience', '--out', 'pkg', '--skip-missing'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('left out: 1 no "audience" value (--skip-missing)');
  });

  it('not a classify output', async () => {
    const stderr = await fails({ 'raw.jsonl': jsonl([{ id: 1, text: 'hello' }]) }, ['raw.jsonl', '--by', 'audience', '--out', 'pkg']);
    expect(stderr).toContain('raw.jsonl:1: not a classify output: no "p_professional" field (fields: id, text); run npm run classify on it first');
  });

  it('an empty file', async () => {
    expect(await fails({ 'e.jsonl': '\n\n' }, ['e.jsonl', '--by', 'audience', '--out', 'pkg'])).toContain('e.jsonl is empty: no records to summarise');
  });

  it('only items without text', async () => {
    expect(await fails({ 'c.jsonl': jsonl([classified(1, { label: null })]) }, ['c.jsonl', '--by', 'audience', '--out', 'pkg'])).toContain('no classified post to summarise (1 without text');
  });

  it('invalid JSON and bad values, with their lines', async () => {
    const text = `${JSON.stringify(classified(1))}\n{"oops"\n${JSON.stringify({ ...classified(3), p_professional: 'high' })}\n${JSON.stringify({ ...classified(4), label: 'pro' })}\n`;
    const stderr = await fails({ 'c.jsonl': text }, ['c.jsonl', '--by', 'audience', '--out', 'pkg']);
    expect(stderr).toMatch(/c\.jsonl:2: invalid JSON/);
    expect(stderr).toContain('c.jsonl:3: p_professional must be a number from 0 to 1, got "high"');
    expect(stderr).toContain('c.jsonl:4: label must be "professional" or "personal", got "pro"');
  });

  it('usage errors', async () => {
    const files = { 'c.jsonl': jsonl([classified(1)]), 'c.csv': 'id\n' };
    expect(await fails(files, ['c.jsonl', '--out', 'pkg'])).toContain('missing --by FIELD');
    expect(await fails(files, ['c.jsonl', '--by', 'audience'])).toContain('missing --out DIR');
    expect(await fails(files, ['c.jsonl', '--by', 'audience', '--out', 'pkg', '--window', 'month'])).toContain('--window must be day, week or all');
    expect(await fails(files, ['c.jsonl', '--by', 'audience', '--out', 'pkg', '--tz', 'Mars/Olympus'])).toContain('unknown time zone');
    expect(await fails(files, ['nope.jsonl', '--by', 'audience', '--out', 'pkg'])).toContain('nope.jsonl: no such file');
    expect(await fails(files, ['c.csv', '--by', 'audience', '--out', 'pkg'])).toContain('rerun npm run classify with --format jsonl');
    expect(await fails(files, ['c.jsonl', '--by', 'audience', '--out', 'pkg', '--key-file', 'missing.txt'])).toContain('--key-file: cannot read');
  });
});
