// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../scripts/classify/lines';
import { CsvParser, splitRecord } from '../../../scripts/classify/readCsv';
import { JsonLinesParser } from '../../../scripts/classify/readJsonl';
import { InputError, type Parsed, type RawLine } from '../../../scripts/classify/types';

const bytes = (s: string) => new TextEncoder().encode(s);

async function lines(chunks: Uint8Array[]): Promise<RawLine[]> {
  const out: RawLine[] = [];
  for await (const l of readLines(chunks)) out.push(l);
  return out;
}

describe('readLines', () => {
  it('splits LF and CRLF, drops the BOM, keeps a last line without newline', async () => {
    expect(await lines([bytes('\uFEFFa\r\nb\n\nc')])).toEqual([
      { line: 1, text: 'a', invalidUtf8: false },
      { line: 2, text: 'b', invalidUtf8: false },
      { line: 3, text: '', invalidUtf8: false },
      { line: 4, text: 'c', invalidUtf8: false },
    ]);
  });

  it('reassembles a multi-byte character cut between chunks', async () => {
    const all = bytes('é\nà propos\n');
    const out = await lines([all.slice(0, 1), all.slice(1, 4), all.slice(4)]);
    expect(out.map((l) => l.text)).toEqual(['é', 'à propos']);
    expect(out.every((l) => !l.invalidUtf8)).toBe(true);
  });

  it('flags invalid UTF-8 on its own line only', async () => {
    const out = await lines([bytes('ok\n'), new Uint8Array([0x61, 0xff, 0x62, 0x0a]), bytes('fine\n')]);
    expect(out.map((l) => l.invalidUtf8)).toEqual([false, true, false]);
    expect(out[1]!.text).toBe('a\uFFFDb');
  });
});

const raw = (line: number, text: string): RawLine => ({ line, text, invalidUtf8: false });

describe('JSON lines', () => {
  it('reads text and id, carries the other fields, numbers lines without id', () => {
    const p = new JsonLinesParser();
    expect(p.parse(raw(1, '{"id":"a","text":"bonjour","n":1}'))).toEqual({ kind: 'record', line: 1, id: 'a', text: 'bonjour', carried: [['text', 'bonjour'], ['n', 1]] });
    expect(p.parse(raw(2, '   '))).toBeNull();
    expect(p.parse(raw(3, '{"text":"salut"}'))).toMatchObject({ id: 3, text: 'salut' });
    expect(p.kind).toBe('jsonl');
  });

  it.each([
    ['{"text": "a"', 'invalid JSON'],
    ['[1,2]', 'not a JSON object'],
    ['{"body":"a"}', 'missing text'],
    ['{"text":null}', 'text not a string'],
    ['{"text":"  "}', 'empty text'],
  ])('refuses %s (%s)', (line, reason) => {
    expect(new JsonLinesParser().parse(raw(7, line))).toMatchObject({ kind: 'invalid', line: 7, reason });
  });

  it('refuses invalid UTF-8 before parsing', () => {
    expect(new JsonLinesParser().parse({ line: 4, text: '{"text":"\uFFFD"}', invalidUtf8: true })).toMatchObject({ reason: 'invalid UTF-8', line: 4 });
  });

  it('detects Zeeschuimer and 4CAT from the first valid line and holds later lines to it', () => {
    const z = new JsonLinesParser();
    z.parse(raw(1, 'not json'));
    z.parse(raw(2, '{"source_platform":"tiktok.com","data":{"id":"1","desc":"hello there"}}'));
    expect(z.kind).toBe('zeeschuimer');
    expect(z.parse(raw(3, '{"text":"plain"}'))).toMatchObject({ reason: 'not a Zeeschuimer item' });
    expect(z.parse(raw(4, '{"source_platform":"gab.com","data":{}}'))).toMatchObject({ reason: 'unsupported platform' });
    const f = new JsonLinesParser();
    f.parse(raw(1, '{"id":"9","desc":"x y z","__import_meta":{"source_platform":"tiktok.com"}}'));
    expect(f.kind).toBe('4cat');
  });
});

function feed(text: string): Parsed[] {
  const p = new CsvParser('in.csv');
  const out: Parsed[] = [];
  text.split('\n').forEach((t, i) => {
    const r = p.push(raw(i + 1, t.replace(/\r$/, '')));
    if (r) out.push(r);
  });
  const last = p.end();
  if (last) out.push(last);
  return out;
}

describe('CSV', () => {
  it('splits quoted fields with commas, doubled quotes and newlines', () => {
    expect(splitRecord('a,"b,c","say ""hi""","x\ny",', ',')).toEqual(['a', 'b,c', 'say "hi"', 'x\ny', '']);
    expect(() => splitRecord('a,b"c', ',')).toThrow(/quote inside an unquoted field/);
    expect(() => splitRecord('"a"b', ',')).toThrow(/after a closing quote/);
  });

  it('reads records spanning lines, numbers rows from the first data row', () => {
    const out = feed('text,id,who\n"two\nlines",,A\nsecond,s2,B\n');
    expect(out).toEqual([
      { kind: 'record', line: 2, id: 1, text: 'two\nlines', carried: [['text', 'two\nlines'], ['who', 'A']] },
      { kind: 'record', line: 4, id: 's2', text: 'second', carried: [['text', 'second'], ['who', 'B']] },
    ]);
  });

  it('takes a semicolon or tab delimiter when the header only works with it', () => {
    expect(feed('id;text\n1;bonjour, ça va\n')).toMatchObject([{ id: '1', text: 'bonjour, ça va' }]);
    expect(feed('text\tid\nhello\t7\n')).toMatchObject([{ id: '7', text: 'hello' }]);
  });

  it('fails at once without a text column, naming the columns found', () => {
    expect(() => feed('id,body,author\n1,x,y\n')).toThrow(InputError);
    expect(() => feed('id,body,author\n1,x,y\n')).toThrow('in.csv:1: no "text" column in the header; columns found: "id", "body", "author"');
  });

  it('flags bad rows with their line', () => {
    expect(feed('id,text\n1,ok\n2,\n3,a,b\n4,"open\n')).toMatchObject([
      { kind: 'record', line: 2 },
      { kind: 'invalid', line: 3, reason: 'empty text' },
      { kind: 'invalid', line: 4, reason: 'wrong number of columns', detail: 'row has 3 fields, header has 2' },
      { kind: 'invalid', line: 5, reason: 'malformed CSV' },
    ]);
  });
});
