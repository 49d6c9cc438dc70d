import { describe, expect, it } from 'vitest';
import { roganGladen } from '../../../utils/statistics/roganGladen';
import { correctMeanShare, stratifiedRoganGladen } from '../../../utils/statistics/stratifiedCorrection';

describe('roganGladen', () => {
  it('worked example: 23 of 150 positive, Se 0.96, Sp 0.89 → 5.1 % (epiR epi.prev documentation)', () => {
    const r = roganGladen(23 / 150, 0.96, 0.89);
    expect(r.ok && r.value).toBeCloseTo(0.05098, 5);
    expect(r.ok && r.low).toBeNull();
  });

  it('with a count and exact Se/Sp: the Wilson bounds pushed through the correction, clipped', () => {
    const r = roganGladen({ k: 23, n: 150 }, 0.96, 0.89);
    if (!r.ok) throw new Error(r.reason);
    expect(r.method).toBe('rogan-gladen-wilson');
    expect(r.low).toBe(0); // raw −0.0066, clipped
    expect(r.high).toBeCloseTo(0.128919, 5);
  });

  it('with the sizes behind Se/Sp: Lang & Reiczigel (2014) interval, wider', () => {
    const r = roganGladen({ k: 60, n: 200 }, 0.9, 0.85, { nSensitivity: 50, nSpecificity: 40 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.method).toBe('lang-reiczigel-2014');
    expect(r.value).toBeCloseTo(0.2, 10);
    // Reference: a Python transcription of the authors' published R function (CI4TruePrevalence) on the same inputs.
    expect(r.low).toBeCloseTo(0.017091, 5);
    expect(r.high).toBeCloseTo(0.329487, 5);
    const exact = roganGladen({ k: 60, n: 200 }, 0.9, 0.85);
    if (!exact.ok) throw new Error(exact.reason);
    expect(r.high! - r.low!).toBeGreaterThan(exact.high! - exact.low!);
  });

  it('Lang–Reiczigel copes with a perfect specificity (1 of the model card) thanks to its pseudo-counts', () => {
    const r = roganGladen({ k: 40, n: 100 }, 0.9412, 1, { nSensitivity: 34, nSpecificity: 29 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.high! - r.low!).toBeGreaterThan(0.1);
  });

  it('perfect rates change nothing', () => {
    const r = roganGladen(0.37, 1, 1);
    expect(r.ok && r.value).toBeCloseTo(0.37, 12);
  });

  it('clips to [0, 1] and says so', () => {
    const low = roganGladen(0.05, 0.9, 0.9); // below the false-positive rate 0.1
    expect(low).toMatchObject({ ok: true, value: 0, clipped: true });
    const high = roganGladen(0.95, 0.9, 0.9);
    expect(high).toMatchObject({ ok: true, value: 1, clipped: true });
  });

  it('Se + Sp ≤ 1 → null with a reason, never NaN', () => {
    for (const [se, sp] of [[0.5, 0.5], [0.3, 0.6], [0, 0]] as const) {
      const r = roganGladen({ k: 10, n: 20 }, se, sp);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/no better than chance/);
    }
  });

  it('n = 0 and out-of-range inputs → reason', () => {
    expect(roganGladen({ k: 0, n: 0 }, 0.9, 0.9)).toMatchObject({ ok: false, reason: 'no posts to correct' });
    expect(roganGladen(1.2, 0.9, 0.9).ok).toBe(false);
    expect(roganGladen(0.5, Number.NaN, 0.9).ok).toBe(false);
    expect(roganGladen(0.5, 1.1, 0.9).ok).toBe(false);
  });
});

describe('stratifiedRoganGladen (per language, post-weighted)', () => {
  const fr = { sensitivity: 0.9, specificity: 0.85, nSensitivity: 50, nSpecificity: 40, source: 't' };
  const en = { sensitivity: 0.8, specificity: 0.95, nSensitivity: 30, nSpecificity: 30, source: 't' };

  it('one stratum is exactly roganGladen', () => {
    const one = stratifiedRoganGladen([{ name: 'fr', count: { k: 60, n: 200 }, rates: fr }]);
    expect(one).toEqual(roganGladen({ k: 60, n: 200 }, 0.9, 0.85, { nSensitivity: 50, nSpecificity: 40 }));
  });

  it('two strata: weighted corrections, combined Lang–Reiczigel parts', () => {
    const r = stratifiedRoganGladen([
      { name: 'fr', count: { k: 40, n: 100 }, rates: fr },
      { name: 'en', count: { k: 30, n: 60 }, rates: en },
    ]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.method).toBe('rogan-gladen-stratified');
    expect(r.value).toBeCloseTo(0.433333, 5);
    expect(r.low).toBeCloseTo(0.294573, 5);
    expect(r.high).toBeCloseTo(0.566345, 5);
  });

  it('a stratum without error rates makes the correction undefined, naming it', () => {
    const r = stratifiedRoganGladen([
      { name: 'fr', count: { k: 40, n: 100 }, rates: fr },
      { name: 'other', count: { k: 1, n: 3 }, rates: null },
    ]);
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('3 in "other"') });
  });

  it('strata with no posts are ignored; none at all → reason', () => {
    expect(stratifiedRoganGladen([{ name: 'other', count: { k: 0, n: 0 }, rates: null }]).ok).toBe(false);
  });
});

describe('correctMeanShare (delta method for the author-weighted share)', () => {
  it('corrects the mean and widens the interval for uncertain rates', () => {
    const exact = correctMeanShare(0.5, 0.05, 2, { sensitivity: 0.9, specificity: 0.9, source: 't' });
    const uncertain = correctMeanShare(0.5, 0.05, 2, { sensitivity: 0.9, specificity: 0.9, nSensitivity: 30, nSpecificity: 30, source: 't' });
    if (!exact.ok || !uncertain.ok) throw new Error('expected ok');
    expect(exact.value).toBeCloseTo(0.5, 12);
    expect(exact.low).toBeCloseTo(0.5 - (2 * 0.05) / 0.8, 12);
    expect(uncertain.high! - uncertain.low!).toBeGreaterThan(exact.high! - exact.low!);
  });

  it('refuses Se + Sp ≤ 1', () => {
    expect(correctMeanShare(0.5, 0.05, 2, { sensitivity: 0.5, specificity: 0.4, source: 't' }).ok).toBe(false);
  });
});
