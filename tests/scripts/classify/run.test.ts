// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../../scripts/classify/readCsv';
import type { InputRecord, Parsed } from '../../../scripts/classify/types';
import { fakeClassifier, jsonLines, run, tempFiles } from './helpers';

/** Parses CSV output back (with the project's own reader) into objects keyed by header. */
function readCsvOutput(text: string): Array<Record<string, unknown>> {
  const parser = new CsvParser('out.csv');
  const records: Parsed[] = [];
  text.split('\n').forEach((line, i) => {
    const r = parser.push({ line: i + 1, text: line.replace(/\r$/, '').replace(/^\uFEFF/, ''), invalidUtf8: false });
    if (r) records.push(r);
  });
  return records.map((r) => Object.fromEntries([['id', (r as InputRecord).id], ...(r as InputRecord).carried]));
}

describe('JSONL input', () => {
  it('writes prediction fields first, then carries every other field unchanged', async () => {
    const { code, stdout, stderr } = await run(['plain.jsonl']);
    expect(code).toBe(0);
    const rows = jsonLines(stdout);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'label', 'p_professional', 'uncertain', 'lang', 'model', 'cues', 'text', 'coder', 'hand_label', 'meta']);
    expect(rows[0]).toMatchObject({
      id: 'p1',
      label: 'professional',
      p_professional: 0.9123,
      uncertain: false,
      lang: 'fr',
      model: 'fake-model-1',
      cues: { professional: [{ feature: 'recrute', weight: 3.4 }, { feature: 'developpeur', weight: 2.123 }], personal: [{ feature: 'fille', weight: -0.93 }] },
      meta: { source: 'panel', wave: 2 },
    });
    // No id → line number; an input "label" (hand coding) is kept as input_label, not overwritten.
    expect(rows[1]).toMatchObject({ id: 2, label: 'personal', input_label: 'personal', coder: 'B' });
    expect(rows[2]).toMatchObject({ id: 3, hand_label: null });
    expect(stderr).toContain('plain.jsonl (jsonl): 3 read, 3 classified, 0 not classified');
  });

  it('classifies in batches of --batch', async () => {
    const batches: string[][] = [];
    const dir = tempFiles({ 'in.jsonl': Array.from({ length: 5 }, (_, i) => JSON.stringify({ text: `post ${i}` })).join('\n') });
    const { code, stdout } = await run(['in.jsonl', '--batch', '2'], { cwd: dir, classifier: fakeClassifier(batches) });
    expect(code).toBe(0);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(jsonLines(stdout).map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('CSV input and output', () => {
  it('reads BOM, quoted commas, doubled quotes and embedded newlines; ids from the id column or the row number', async () => {
    const { code, stdout } = await run(['plain.csv']);
    expect(code).toBe(0);
    const rows = jsonLines(stdout);
    expect(rows.map((r) => r.id)).toEqual(['c1', 'c2', 3]);
    expect(rows[0]!.text).toBe('Nous recrutons, à Lille, un "chargé de mission" (CDD)');
    expect(rows[1]!.text).toBe("Premier jour de vacances.\nLa mer est froide mais on s'amuse");
    expect(rows[1]!.coder).toBe('B');
  });

  it('CSV output: compact cues, nested values as JSON, formula injection neutralised, BOM for Excel', async () => {
    const { code, stdout } = await run(['plain.jsonl', '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFFid,label,p_professional,uncertain,lang,model,cues,text,coder,hand_label,meta,input_label\r\n')).toBe(true);
    expect(stdout).toContain('p1,professional,0.9123,false,fr,fake-model-1,recrute +3.40; developpeur +2.12 | fille -0.93,');
    expect(stdout).toContain(`"{""source"":""panel"",""wave"":2}"`);
    expect(stdout).toContain(`"'=HYPERLINK(""http://exemple.invalid"",""cliquez"")",'@A`);
    const rows = readCsvOutput(stdout);
    expect(rows[2]).toMatchObject({ id: '3', text: `'=HYPERLINK("http://exemple.invalid","cliquez")`, coder: "'@A" });
    expect(rows[1]).toMatchObject({ id: '2', input_label: 'personal', hand_label: '' });
  });

  it('--out picks the format from the extension and writes the file', async () => {
    const dir = tempFiles({ 'in.jsonl': '{"text":"on recrute"}\n' });
    const { code, stdout, stderr } = await run(['in.jsonl', '--out', 'out.csv'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toMatch(/^\uFEFFid,label,.*\r\n1,professional,0.9123,/);
    expect(stderr).toContain('wrote 1 records (csv) to out.csv');
  });
});

describe('bad input', () => {
  const cases: Array<[string, string | Uint8Array, string]> = [
    ['in.jsonl', '{"text":"ok"}\n{"text": "broken"\n', 'in.jsonl:2: invalid JSON ('],
    ['in.jsonl', '{"text":"ok"}\n{"body":"no text here"}\n', 'in.jsonl:2: missing text (fields: body)'],
    ['in.jsonl', '{"text":"ok"}\n{"text":""}\n', 'in.jsonl:2: empty text'],
    ['in.jsonl', new Uint8Array([...new TextEncoder().encode('{"text":"ok"}\n{"text":"caf'), 0xe9, ...new TextEncoder().encode('"}\n')]), 'in.jsonl:2: invalid UTF-8'],
    ['in.csv', 'id,text\n1,ok\n2,\n', 'in.csv:3: empty text'],
    ['in.csv', 'id,text\n1,ok\n2,"never closed\n3,x\n', 'in.csv:3: malformed CSV (unterminated quoted field'],
  ];
  it.each(cases)('%s %j → message with file:line, exit 2, nothing written', async (name, content, message) => {
    const dir = tempFiles({ [name]: content });
    const { code, stdout, stderr } = await run([name, '--out', 'out.jsonl'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('nothing was written');
    expect(stderr).toContain('--skip-invalid');
    expect(stdout).toBe('');
    expect(existsSync(join(dir, 'out.jsonl'))).toBe(false);
  });

  it('a CSV without a text column fails at once, naming the columns it found (even with --skip-invalid)', async () => {
    const dir = tempFiles({ 'in.csv': 'id,message,author\n1,hello,a\n' });
    const { code, stderr } = await run(['in.csv', '--skip-invalid'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('in.csv:1: no "text" column in the header; columns found: "id", "message", "author"\n');
  });

  it('usage errors and unknown files exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['plain.jsonl', '--format', 'xml'])).stderr).toContain('--format must be jsonl or csv');
    expect((await run(['plain.jsonl', '--batch', '0'])).code).toBe(2);
    expect((await run(['missing.jsonl'])).stderr).toContain('missing.jsonl: no such file');
    const dir = tempFiles({ 'in.txt': 'x' });
    expect((await run(['in.txt'], { cwd: dir })).stderr).toContain('unknown extension ".txt"');
    expect((await run(['--help'])).code).toBe(0);
  });
});

describe('--skip-invalid', () => {
  it('skips bad lines, classifies the rest and lists what it skipped', async () => {
    const lines = ['{"text":"un"}', '{"text":"deux"}', '{"text":"trois"}', 'not json', '{"text":"cinq"}', '{"text":"six"}', '{"text":"sept"}', '{"text":"huit"}', '{bad', '{"text":"dix"}', '{"text":"onze"}', '{"text":"   "}'];
    const dir = tempFiles({ 'in.jsonl': `${lines.join('\n')}\n` });
    const { code, stdout, stderr } = await run(['in.jsonl', '--skip-invalid'], { cwd: dir });
    expect(code).toBe(0);
    expect(jsonLines(stdout).map((r) => r.id)).toEqual([1, 2, 3, 5, 6, 7, 8, 10, 11]);
    expect(stderr).toContain('in.jsonl (jsonl): 12 read, 9 classified, 3 not classified (3 invalid lines skipped)');
    expect(stderr).toContain('skipped 3 invalid lines (2 invalid JSON, 1 empty text): lines 4, 9, 12');
  });
});
