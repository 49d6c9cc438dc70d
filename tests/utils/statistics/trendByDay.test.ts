import { describe, expect, it } from 'vitest';
import { trendByDay } from '../../../utils/statistics/trendByDay';
import { localDay, startOfDay, toInstant, weekStart } from '../../../utils/statistics/timeZone';

describe('trendByDay', () => {
  const posts = [
    { label: 'professional' as const, time: '2024-03-09T23:30:00Z' }, // Paris: 10 March 00:30
    { label: 'personal' as const, time: '2024-03-09T22:30:00Z' }, // Paris: 9 March 23:30
    { label: 'professional' as const, time: '2024-03-10T08:00:00Z' },
    { label: 'professional' as const, time: null },
    { label: null, time: '2024-03-10T08:00:00Z' },
  ];

  it('counts per local day in the given time zone, with Wilson intervals', () => {
    const paris = trendByDay(posts, 'Europe/Paris');
    expect(paris.undated).toBe(1);
    expect(paris.days.map((d) => [d.day, d.n, d.k])).toEqual([['2024-03-09', 1, 0], ['2024-03-10', 2, 2]]);
    const tenth = paris.days[1]!;
    expect(tenth.share).toBe(1);
    expect(tenth.low).toBeCloseTo(0.3424, 4);
    expect(tenth.high).toBe(1);
    expect(new Date(tenth.start).toISOString()).toBe('2024-03-09T23:00:00.000Z');
    expect(tenth.end - tenth.start).toBe(24 * 3600_000);

    const utc = trendByDay(posts, 'UTC');
    expect(utc.days.map((d) => [d.day, d.n])).toEqual([['2024-03-09', 2], ['2024-03-10', 1]]);
  });

  it('a daylight-saving day is 23 hours long', () => {
    const dst = trendByDay([{ label: 'personal', time: '2024-03-31T12:00:00Z' }], 'Europe/Paris').days[0]!;
    expect(dst.end - dst.start).toBe(23 * 3600_000);
    expect(new Date(startOfDay('2024-03-31', 'America/New_York')).toISOString()).toBe('2024-03-31T04:00:00.000Z');
  });

  it('empty input → no days; unknown zone → RangeError', () => {
    expect(trendByDay([], 'UTC')).toEqual({ days: [], undated: 0 });
    expect(() => trendByDay([], 'Mars/Olympus')).toThrow(RangeError);
  });

  it('time parsing: ISO, ms, seconds; not free text', () => {
    expect(toInstant('2024-03-10T08:00:00Z')).toBe(Date.UTC(2024, 2, 10, 8));
    expect(toInstant(1710057600)).toBe(1710057600000);
    expect(toInstant(1710057600000)).toBe(1710057600000);
    expect(toInstant('1710057600')).toBe(1710057600000);
    expect(toInstant('3 d')).toBeNull();
    expect(toInstant('')).toBeNull();
    expect(localDay(Date.UTC(2024, 0, 1, 2), 'America/Los_Angeles')).toBe('2023-12-31');
    expect(weekStart('2024-03-10')).toBe('2024-03-04');
    expect(weekStart('2024-03-04')).toBe('2024-03-04');
  });
});
