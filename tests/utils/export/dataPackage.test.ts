import { describe, expect, it } from 'vitest';
import { buildDataPackage, type DataPackageFiles } from '../../../utils/export/dataPackage';
import { parseCsv } from '../../../utils/export/parseCsv';
import { pseudonymise } from '../../../utils/export/pseudonymise';
import { validateDataPackage } from '../../../utils/export/validateDataPackage';
import { unzipDataPackage, zipDataPackage } from '../../../utils/export/zip';
import { SAMPLE_AGREEMENT, SAMPLE_METADATA, SAMPLE_POSTS, SAMPLE_TALLIES } from './sample';

const KEY = 'test-key-not-secret';

function build(includeText = false) {
  return buildDataPackage({
    posts: SAMPLE_POSTS, tallies: SAMPLE_TALLIES, agreement: SAMPLE_AGREEMENT, metadata: SAMPLE_METADATA,
    privacy: { key: KEY, keyKind: 'user', includeText },
  });
}

/** Rows of a CSV file as objects keyed by header. */
function table(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text).rows;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('buildDataPackage', () => {
  it('writes datapackage.json and three CSV files that validate against it', async () => {
    const files = await build();
    expect(Object.keys(files)).toEqual(['datapackage.json', 'posts.csv', 'tallies.csv', 'agreement.csv']);
    expect(validateDataPackage(files)).toEqual([]);
    const descriptor = JSON.parse(files['datapackage.json']!);
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.resources.map((r: { path: string }) => r.path)).toEqual(['posts.csv', 'tallies.csv', 'agreement.csv']);
    expect(descriptor.properso).toMatchObject({
      model: { id: 'properso-1.0.0-900ec9fadd57', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      codebookVersion: '1.2',
      sampling: { postsSeen: 4, postsIncluded: 3, excluded: [{ reason: 'no text', count: 1 }] },
      privacy: { textIncluded: false },
    });
    expect(descriptor.properso.statisticalMethods.join(' ')).toMatch(/Wilson.*Rogan–Gladen.*Lang & Reiczigel/);
  });

  it('pseudonymises ids as HMAC of "platform:id" and leaves no id in the clear', async () => {
    const files = await build();
    const posts = table(files['posts.csv']!);
    expect(posts[0]!.post_id).toBe(await pseudonymise('linkedin:urn:li:activity:1', KEY));
    expect(posts[0]!.author_id).toBe(await pseudonymise('linkedin:jdupont', KEY));
    expect(posts[2]!.author_id).toBe('');
    const all = Object.values(files).join('\n');
    for (const secret of ['jdupont', 'amartin', 'urn:li:activity', 'test-key']) expect(all).not.toContain(secret);
  });

  it('formats types as the Table Schema expects', async () => {
    const posts = table((await build())['posts.csv']!);
    expect(posts[0]).toMatchObject({ seen_at: '2024-03-10T08:00:00Z', posted_at: '2024-03-10T07:15:00Z', feed_position: '1', sponsored: 'false', p_professional: '0.9123', human_label: 'professional' });
    expect(posts[2]).toMatchObject({ seen_at: '', posted_at: '2024-03-09T16:00:00Z', sponsored: '', repost: 'true' });
    expect(posts[0]).not.toHaveProperty('text');
  });

  it('writes the text only on opt-in, quoted, with formulas escaped', async () => {
    const files = await build(true);
    expect(validateDataPackage(files)).toEqual([]);
    const posts = table(files['posts.csv']!);
    expect(posts[1]!.text).toBe('\'=HYPERLINK("http://evil.invalid","click")');
    expect(posts[2]!.text).toBe('Line one,\n"quoted" line two');
    expect(JSON.parse(files['datapackage.json']!).properso.privacy.textIncluded).toBe(true);
  });

  it('refuses a value that does not fit its column instead of writing it', async () => {
    await expect(buildDataPackage({
      posts: [], agreement: [], metadata: SAMPLE_METADATA, privacy: { key: KEY, keyKind: 'random', includeText: false },
      tallies: [{ ...SAMPLE_TALLIES[0]!, share: Number.NaN }],
    })).rejects.toThrow(/tallies.share/);
  });
});

describe('zipDataPackage', () => {
  it('is deterministic and round-trips', async () => {
    const files = await build();
    const a = zipDataPackage(files);
    const b = zipDataPackage({ ...files });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const back = unzipDataPackage(a);
    expect(back).toEqual(files);
    expect(validateDataPackage(back)).toEqual([]);
  });
});

describe('validateDataPackage catches tampering', () => {
  async function tampered(change: (files: DataPackageFiles) => void) {
    const files = { ...(await build(true)) };
    change(files);
    return validateDataPackage(files);
  }

  it('a renamed column', async () => {
    const errors = await tampered((f) => (f['tallies.csv'] = f['tallies.csv']!.replace('corrected_share', 'adjusted_share')));
    expect(errors).toEqual([expect.objectContaining({ file: 'tallies.csv', row: 1, message: expect.stringMatching(/header/) })]);
  });

  it('a column dropped from both the CSV and its schema', async () => {
    const errors = await tampered((f) => {
      const d = JSON.parse(f['datapackage.json']!);
      d.resources[2].schema.fields.pop();
      f['datapackage.json'] = JSON.stringify(d);
      f['agreement.csv'] = f['agreement.csv']!.split('\r\n').map((l) => l.split(',').slice(0, -1).join(',')).join('\r\n');
    });
    expect(errors).toEqual([expect.objectContaining({ file: 'datapackage.json', message: expect.stringMatching(/agreement.*not those of Properso/) })]);
  });

  it('a share that is not a number, one out of range, a bad enum, a missing required cell', async () => {
    const errors = await tampered((f) => {
      const lines = f['tallies.csv']!.split('\r\n');
      lines[1] = lines[1]!.replace(',0.5,', ',half,').replace('not_enough', 'great');
      lines[2] = lines[2]!.replace(/^linkedin:feed/, '').replace(',0.5,', ',1.5,');
      f['tallies.csv'] = lines.join('\r\n');
    });
    expect(errors).toEqual([
      { file: 'tallies.csv', row: 2, column: 'share', message: '"half" is not a number' },
      { file: 'tallies.csv', row: 2, column: 'verdict', message: expect.stringContaining('not one of well_suited') },
      { file: 'tallies.csv', row: 3, column: 'audience', message: 'required value missing' },
      { file: 'tallies.csv', row: 3, column: 'share', message: '1.5 is above the maximum 1' },
    ]);
  });

  it('bad integer, boolean and datetime cells; a short row', async () => {
    const errors = await tampered((f) => {
      const lines = f['posts.csv']!.split('\r\n');
      lines[1] = lines[1]!.replace('2024-03-10T08:00:00Z', '10/03/2024').replace(',1,false,false,', ',1.5,no,false,');
      f['posts.csv'] = [...lines.slice(0, 3), 'linkedin,x', ...lines.slice(3)].join('\r\n');
    });
    expect(errors.map((e) => [e.row, e.column])).toEqual([[2, 'seen_at'], [2, 'feed_position'], [2, 'sponsored'], [4, null]]);
  });

  it('a missing resource file, an undeclared file, a resource removed from the descriptor', async () => {
    expect(await tampered((f) => delete f['agreement.csv'])).toEqual([{ file: 'agreement.csv', row: null, column: null, message: 'missing (resource "agreement")' }]);
    expect(await tampered((f) => (f['extra.csv'] = 'a\r\n1\r\n'))).toEqual([expect.objectContaining({ file: 'extra.csv', message: 'not described in datapackage.json' })]);
    const removed = await tampered((f) => {
      const d = JSON.parse(f['datapackage.json']!);
      d.resources = d.resources.filter((r: { name: string }) => r.name !== 'posts');
      f['datapackage.json'] = JSON.stringify(d);
    });
    expect(removed.map((e) => e.message)).toEqual(['resource "posts" is missing', 'not described in datapackage.json']);
    expect(await tampered((f) => delete f['datapackage.json'])).toEqual([{ file: 'datapackage.json', row: null, column: null, message: 'missing' }]);
    expect((await tampered((f) => (f['datapackage.json'] = '{'))).at(0)!.message).toMatch(/not JSON/);
  });

  it('a formula smuggled into a text cell without the escape', async () => {
    const errors = await tampered((f) => (f['posts.csv'] = f['posts.csv']!.replace('"\'=HYPERLINK(', '"=HYPERLINK(')));
    expect(errors).toEqual([expect.objectContaining({ file: 'posts.csv', row: 3, column: 'text', message: expect.stringMatching(/formula/) })]);
  });

  it('malformed quoting', async () => {
    const errors = await tampered((f) => (f['agreement.csv'] += '"fr,1,1,,,,,\r\n'));
    expect(errors.some((e) => e.file === 'agreement.csv' && /never closed/.test(e.message))).toBe(true);
  });
});
