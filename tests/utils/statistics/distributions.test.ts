import { describe, expect, it } from 'vitest';
import { normalQuantile, studentTCdf, studentTQuantile, zForConfidence } from '../../../utils/statistics/distributions';

describe('quantiles (values from statistical tables)', () => {
  it('normal', () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959964, 6);
    expect(zForConfidence(0.99)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it.each([
    [1, 12.706205],
    [4, 2.776445],
    [10, 2.228139],
    [29, 2.04523],
    [1000, 1.962339],
  ])('t(0.975, %i) = %f', (df, t) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 5);
  });

  it('t CDF is symmetric and inverts the quantile', () => {
    expect(studentTCdf(0, 5)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(-2, 7) + studentTCdf(2, 7)).toBeCloseTo(1, 12);
    expect(studentTCdf(studentTQuantile(0.9, 3), 3)).toBeCloseTo(0.9, 10);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228139, 5);
  });
});
