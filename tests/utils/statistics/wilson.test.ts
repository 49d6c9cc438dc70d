import { describe, expect, it } from 'vitest';
import { shareWithInterval, wilsonInterval } from '../../../utils/statistics/wilson';
import { differenceOfShares } from '../../../utils/statistics/differenceOfShares';
import { zForConfidence } from '../../../utils/statistics/distributions';

/** Newcombe's tables use the exact 97.5 % normal quantile (1.959964…), not 1.96. */
const Z = zForConfidence(0.95);

describe('wilsonInterval (Newcombe 1998, Stat Med 17:857, Table I, method 3)', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
  ])('%i/%i → %f–%f', (k, n, low, high) => {
    const ci = wilsonInterval(k, n, Z)!;
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it('is exactly 0 at k = 0 and exactly 1 at k = n, never outside [0, 1]', () => {
    expect(wilsonInterval(0, 10)!.low).toBe(0);
    expect(wilsonInterval(10, 10)!.high).toBe(1);
    expect(wilsonInterval(1, 1)).toEqual({ low: expect.closeTo(0.2065, 4), high: 1 });
  });

  it('n = 0 → null, never NaN', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(shareWithInterval({ k: 0, n: 0 })).toBeNull();
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(Number.NaN, 4)).toThrow(RangeError);
  });

  it('widens with a larger z', () => {
    const narrow = wilsonInterval(30, 100, 1.645)!;
    const wide = wilsonInterval(30, 100, 2.576)!;
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });
});

describe('differenceOfShares (Newcombe 1998, Stat Med 17:873, Table II, method 10)', () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i − %i/%i → %f to %f', (k1, n1, k2, n2, low, high) => {
    const d = differenceOfShares({ k: k1, n: n1 }, { k: k2, n: n2 }, Z)!;
    expect(d.difference).toBeCloseTo(k1 / n1 - k2 / n2, 10);
    expect(d.low).toBeCloseTo(low, 4);
    expect(d.high).toBeCloseTo(high, 4);
  });

  it('is null when a side has no posts', () => {
    expect(differenceOfShares({ k: 0, n: 0 }, { k: 3, n: 10 })).toBeNull();
  });
});
