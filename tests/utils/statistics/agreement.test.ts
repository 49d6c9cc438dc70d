import { describe, expect, it } from 'vitest';
import type { Label, ModelMeta } from '../../../utils/model/types';
import { agreement, agreementByLanguage, errorRatesFor, MIN_CORRECTIONS_FOR_RATES, type Correction } from '../../../utils/statistics/agreement';

const P: Label = 'professional';
const Q: Label = 'personal';

/** Model vs human pairs from a 2×2 table: [both pro, model pro & human per, model per & human pro, both per]. */
function table(a: number, b: number, c: number, d: number): { model: Label[]; human: Label[] } {
  const model = [...Array(a).fill(P), ...Array(b).fill(P), ...Array(c).fill(Q), ...Array(d).fill(Q)] as Label[];
  const human = [...Array(a).fill(P), ...Array(b).fill(Q), ...Array(c).fill(P), ...Array(d).fill(Q)] as Label[];
  return { model, human };
}

describe('agreement', () => {
  it('textbook kappa: 20/5/10/15 → po 0.70, pe 0.50, κ 0.40', () => {
    const { model, human } = table(20, 5, 10, 15);
    const r = agreement(model, human)!;
    expect(r.accuracy).toBeCloseTo(0.7, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
    expect(r.precision).toBeCloseTo(20 / 25, 12);
    expect(r.recall).toBeCloseTo(20 / 30, 12);
    expect(r.sensitivity).toBeCloseTo(20 / 30, 12);
    expect(r.specificity).toBeCloseTo(15 / 20, 12);
    expect([r.humanProfessional, r.humanPersonal]).toEqual([30, 20]);
  });

  it('undefined figures are null, not NaN or 0', () => {
    const r = agreement([Q, Q], [Q, Q])!;
    expect(r).toMatchObject({ accuracy: 1, kappa: null, precision: null, recall: null, sensitivity: null, specificity: 1 });
    expect(agreement([], [])).toBeNull();
    expect(() => agreement([P], [])).toThrow(RangeError);
  });

  it('per language, then all', () => {
    const corrections: Correction[] = [
      { lang: 'fr', model: P, human: P },
      { lang: 'en', model: Q, human: P },
      { lang: null, model: Q, human: Q },
    ];
    expect(agreementByLanguage(corrections).map((r) => [r.language, r.n])).toEqual([['fr', 1], ['en', 1], ['other', 1], ['all', 3]]);
  });
});

describe('errorRatesFor', () => {
  const meta = {
    errorRates: { fr: { sensitivity: 0.9783, specificity: 0.8462, source: 'corpus test split', n: 72 }, en: { sensitivity: 0.9412, specificity: 1, source: 'corpus test split', n: 63 } },
    metrics: { test: { fr: { n: 72, professional: { support: 46 }, personal: { support: 26 } } } },
  } as unknown as ModelMeta;

  it('uses the model card, with class sizes when the card has them', () => {
    expect(errorRatesFor('fr', [], meta)).toMatchObject({ sensitivity: 0.9783, specificity: 0.8462, nSensitivity: 46, nSpecificity: 26 });
    const en = errorRatesFor('en', [], meta)!;
    expect(en.nSensitivity).toBeUndefined();
    expect(errorRatesFor('other', [], meta)).toBeNull();
  });

  it(`switches to human labels at ${MIN_CORRECTIONS_FOR_RATES} in that language`, () => {
    const { model, human } = table(8, 2, 2, 7); // 19 labels
    const corrections: Correction[] = model.map((m, i) => ({ lang: 'fr', model: m, human: human[i]! }));
    expect(errorRatesFor('fr', corrections, meta)!.source).toMatch(/model card/);
    corrections.push({ lang: 'fr', model: Q, human: Q });
    const rates = errorRatesFor('fr', corrections, meta)!;
    expect(rates).toMatchObject({ sensitivity: 0.8, specificity: 8 / 10, nSensitivity: 10, nSpecificity: 10, source: '20 human labels' });
    // Other languages are untouched.
    expect(errorRatesFor('en', corrections, meta)!.source).toMatch(/model card/);
  });

  it('keeps the card when the human labels hold a single class (a rate would be undefined)', () => {
    const corrections: Correction[] = Array.from({ length: 25 }, () => ({ lang: 'en', model: P, human: P }));
    expect(errorRatesFor('en', corrections, meta)!.source).toMatch(/model card/);
    const other: Correction[] = [...table(10, 2, 2, 10).model].map((m, i) => ({ lang: 'other', model: m, human: table(10, 2, 2, 10).human[i]! }));
    expect(errorRatesFor('other', other, meta)!.source).toBe('24 human labels');
  });
});
