import { describe, expect, it } from 'vitest';
import { verdict } from '../../../utils/statistics/verdict';

describe('verdict', () => {
  it('follows the written rule', () => {
    expect(verdict(0.7, 0.6, 0.8, 100)).toBe('well_suited');
    expect(verdict(0.7, 0.59, 0.8, 100)).toBe('mixed');
    expect(verdict(0.3, 0.2, 0.4, 100)).toBe('poorly_suited');
    expect(verdict(0.3, 0.2, 0.41, 100)).toBe('mixed');
    expect(verdict(0.5, 0.3, 0.7, 100)).toBe('mixed');
  });

  it('not_enough under 30 units or without an interval', () => {
    expect(verdict(0.9, 0.8, 1, 29)).toBe('not_enough');
    expect(verdict(0.9, 0.8, 1, 30)).toBe('well_suited');
    expect(verdict(null, null, null, 500)).toBe('not_enough');
    expect(verdict(0.5, Number.NaN, 0.6, 500)).toBe('not_enough');
  });
});
