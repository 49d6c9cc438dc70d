// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvRow, neutralizeFormula, toCsv } from '../../../utils/export/csv';

describe('formula-injection guard', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+33 6 12 34 56 78', `'+33 6 12 34 56 78`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
  ])('prefixes %j with an apostrophe', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  it.each(['-0.93', '+1', '-3', '2e-4', 'plain text', 'a=b', '', "'already"])('leaves %j alone', (input) => {
    expect(neutralizeFormula(input)).toBe(input);
  });
});

describe('csv cells and rows', () => {
  it('quotes delimiters, quotes and newlines (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('guards before quoting, so a quoted formula is still neutralised', () => {
    expect(csvCell('=1+1,2')).toBe(`"'=1+1,2"`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('writes null as empty, objects as JSON, numbers and booleans as text', () => {
    expect(csvRow([null, undefined, { a: [1, 'x'] }, 0.1234, false, -2])).toBe(',,"{""a"":[1,""x""]}",0.1234,false,-2\r\n');
  });

  it('builds a table with an optional BOM', () => {
    expect(toCsv(['id', 'text'], [[1, 'a'], [2, '@b']])).toBe('id,text\r\n1,a\r\n2,\'@b\r\n');
    expect(toCsv(['id'], [], { bom: true })).toBe(`${CSV_BOM}id\r\n`);
  });
});
