import { describe, expect, it } from 'vitest';
import { pseudonymise, pseudonymiser, randomPseudonymKey } from '../../../utils/export/pseudonymise';
import { toNdjson } from '../../../utils/export/ndjson';
import { parseCsv } from '../../../utils/export/parseCsv';

describe('pseudonymise (HMAC-SHA-256, RFC 4231 test vectors)', () => {
  it('test case 1 and 2', async () => {
    expect(await pseudonymise('Hi There', new Uint8Array(20).fill(0x0b), 64)).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    expect(await pseudonymise('what do ya want for nothing?', 'Jefe', 64)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('truncates to 16 hex digits by default, stable per key, different across keys', async () => {
    const a = await pseudonymise('linkedin:jdupont', 'k1');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(await pseudonymise('linkedin:jdupont', 'k1')).toBe(a);
    expect(await pseudonymise('linkedin:jdupont', 'k2')).not.toBe(a);
    const many = await pseudonymiser('k1');
    expect(await many('linkedin:jdupont')).toBe(a);
  });

  it('refuses an empty key or an odd length; random keys differ', async () => {
    await expect(pseudonymise('x', '')).rejects.toThrow(RangeError);
    await expect(pseudonymise('x', 'k', 4)).rejects.toThrow(RangeError);
    expect(randomPseudonymKey()).not.toEqual(randomPseudonymKey());
  });
});

describe('toNdjson', () => {
  it('one JSON object per LF-terminated line', () => {
    expect(toNdjson([{ a: 1 }, { b: 'x\ny' }])).toBe('{"a":1}\n{"b":"x\\ny"}\n');
    expect(toNdjson([])).toBe('');
    expect(() => toNdjson([undefined])).toThrow(TypeError);
  });
});

describe('parseCsv', () => {
  it('reads RFC 4180: quotes, doubled quotes, line breaks in cells, CRLF, BOM', () => {
    const { rows, lines, errors } = parseCsv('\uFEFFa,b\r\n"x,1","he said ""hi""\nthen left"\r\n,\r\n');
    expect(rows).toEqual([['a', 'b'], ['x,1', 'he said "hi"\nthen left'], ['', '']]);
    expect(lines).toEqual([1, 2, 4]);
    expect(errors).toEqual([]);
  });

  it('reports bad quoting with its line', () => {
    expect(parseCsv('a\r\nx"y\r\n').errors).toEqual([{ line: 2, message: 'a quote inside an unquoted field' }]);
    expect(parseCsv('a\r\n"x"y\r\n').errors).toEqual([{ line: 2, message: 'text after a closing quote' }]);
  });
});
