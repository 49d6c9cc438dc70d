// Catches wrong figures in the evaluation report and the agreement statistics.
import { describe, expect, it } from 'vitest';
import { classificationReport, cohensKappa, expectedCalibrationError } from '../../../utils/evaluation/metrics';

describe('classificationReport', () => {
  it('computes per-class precision, recall and macro-F1 by hand', () => {
    // gold: P P P N N ; predicted: P P N P N
    const r = classificationReport(['professional', 'professional', 'professional', 'personal', 'personal'], [0.9, 0.8, 0.2, 0.7, 0.1]);
    expect(r.professional.precision).toBeCloseTo(2 / 3);
    expect(r.professional.recall).toBeCloseTo(2 / 3);
    expect(r.personal.precision).toBeCloseTo(1 / 2);
    expect(r.personal.recall).toBeCloseTo(1 / 2);
    expect(r.macroF1).toBeCloseTo((2 / 3 + 1 / 2) / 2);
    expect(r.accuracy).toBeCloseTo(3 / 5);
    expect(r.sensitivity).toBeCloseTo(2 / 3);
    expect(r.specificity).toBeCloseTo(1 / 2);
  });

  it('is zero-safe on an empty set', () => {
    expect(classificationReport([], []).macroF1).toBe(0);
  });
});

describe('calibration and agreement', () => {
  it('ECE is 0 for perfectly calibrated bins and large for confident mistakes', () => {
    expect(expectedCalibrationError(['professional', 'personal'], [0.95, 0.05])).toBeCloseTo(0.05);
    expect(expectedCalibrationError(['personal', 'professional'], [0.99, 0.01])).toBeGreaterThan(0.9);
  });

  it("Cohen's kappa: 1 for agreement, 0 for chance, matches a textbook case", () => {
    expect(cohensKappa(['professional', 'personal'], ['professional', 'personal'])).toBe(1);
    // 20 items: both say P on 9, both N on 6, A=P/B=N 3, A=N/B=P 2 → po=.75, pe=.6*.55+.4*.45=.51, κ≈.4898
    const a = [...Array(9).fill('professional'), ...Array(6).fill('personal'), ...Array(3).fill('professional'), ...Array(2).fill('personal')];
    const b = [...Array(9).fill('professional'), ...Array(6).fill('personal'), ...Array(3).fill('personal'), ...Array(2).fill('professional')];
    expect(cohensKappa(a, b)).toBeCloseTo(0.4898, 3);
  });
});
