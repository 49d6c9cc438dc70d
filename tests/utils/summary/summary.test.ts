// Catches figures shown with more confidence than they have: a verdict under 30 posts, a correction
// with another model's error rates, a correction that silently skips posts in other languages.
import { describe, expect, it } from 'vitest';
import { buildAggregates } from '@/utils/storage/aggregates';
import { computeSummary } from '@/utils/summary/summary';
import { syntheticRecords } from '@/utils/summary/synthetic';
import { normalisePreferences, defaultPreferences, isReading } from '@/utils/storage/preferences';
import modelMeta from '@/models/properso.json';

const MODEL = `${modelMeta.id}@${modelMeta.version}`;
const summaryOf = (records: ReturnType<typeof syntheticRecords>) =>
  computeSummary({ rows: buildAggregates(records, 'UTC').rows, humanLabels: [], modelMeta, timeZone: 'UTC' });

describe('computeSummary', () => {
  it('gives no verdict under 30 posts, and one from 30', () => {
    const few = syntheticRecords(200, { model: MODEL, audiences: 1 }).filter((r) => r.text && !r.sponsored && r.lang !== 'other');
    expect(summaryOf(few.slice(0, 29)).audiences[0]!.verdict).toBe('not_enough');
    expect(summaryOf(few.slice(0, 29)).audiences[0]!.share).not.toBeNull();
    expect(summaryOf(few.slice(0, 200)).audiences[0]!.verdict).not.toBe('not_enough');
  });

  it('does not correct posts classified by another model, nor posts in other languages', () => {
    const other = summaryOf(syntheticRecords(100, { model: 'old@0.9', audiences: 1 })).audiences[0]!;
    expect(other.corrected.ok).toBe(false);
    if (!other.corrected.ok) expect(other.corrected.reason).toMatch(/another model/);
    expect(other.verdictBasis).toBe('share');
    const withOther = summaryOf(syntheticRecords(300, { model: MODEL, audiences: 1 })).audiences[0]!;
    expect(withOther.byLang.other.n).toBeGreaterThan(0);
    expect(withOther.corrected.ok).toBe(false);
    const frEn = summaryOf(syntheticRecords(300, { model: MODEL, audiences: 1 }).filter((r) => r.lang !== 'other')).audiences[0]!;
    expect(frEn.corrected.ok).toBe(true);
    expect(frEn.verdictBasis).toBe('corrected');
  });
});

describe('preferences', () => {
  it('fill defaults, drop nonsense and keep retention in range', () => {
    expect(normalisePreferences(undefined)).toEqual(defaultPreferences());
    const p = normalisePreferences({ paused: 'yes', retentionDays: 1e9, platforms: { x: false, nope: false }, badges: true, extra: 1 });
    expect(p.paused).toBe(false);
    expect(p.retentionDays).toBe(3650);
    expect(p.platforms.x).toBe(false);
    expect(p.platforms.linkedin).toBe(true);
    expect(p.badges).toBe(true);
    expect('extra' in p).toBe(false);
    expect(defaultPreferences()).toMatchObject({ retentionDays: 90, badges: false, includeTextInExports: false, paused: false });
    expect(isReading(p, 'x')).toBe(false);
    expect(isReading({ ...p, paused: true }, 'linkedin')).toBe(false);
  });
});
