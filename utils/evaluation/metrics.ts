import type { Label } from '../model/types';

/** Binary classification figures with `professional` as the positive class. */
export interface ClassificationReport {
  n: number;
  accuracy: number;
  macroF1: number;
  professional: { precision: number; recall: number; f1: number; support: number };
  personal: { precision: number; recall: number; f1: number; support: number };
  /** Recall of professional (true-positive rate), for Rogan–Gladen correction. */
  sensitivity: number;
  /** Recall of personal (true-negative rate). */
  specificity: number;
  /** Expected calibration error over 10 equal-width bins of p_professional. */
  ece: number;
}

const safeDiv = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number) => safeDiv(2 * p * r, p + r);

export function classificationReport(gold: readonly Label[], pProfessional: readonly number[], threshold = 0.5): ClassificationReport {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  gold.forEach((label, i) => {
    const predictedPro = pProfessional[i]! >= threshold;
    if (label === 'professional') {
      if (predictedPro) tp++;
      else fn++;
    } else if (predictedPro) fp++;
    else tn++;
  });
  const proP = safeDiv(tp, tp + fp);
  const proR = safeDiv(tp, tp + fn);
  const perP = safeDiv(tn, tn + fn);
  const perR = safeDiv(tn, tn + fp);
  const proF1 = f1Of(proP, proR);
  const perF1 = f1Of(perP, perR);
  return {
    n: gold.length,
    accuracy: safeDiv(tp + tn, gold.length),
    macroF1: (proF1 + perF1) / 2,
    professional: { precision: proP, recall: proR, f1: proF1, support: tp + fn },
    personal: { precision: perP, recall: perR, f1: perF1, support: tn + fp },
    sensitivity: proR,
    specificity: perR,
    ece: expectedCalibrationError(gold, pProfessional),
  };
}

export function expectedCalibrationError(gold: readonly Label[], pProfessional: readonly number[], bins = 10): number {
  const sums = Array.from({ length: bins }, () => ({ n: 0, p: 0, y: 0 }));
  gold.forEach((label, i) => {
    const p = pProfessional[i]!;
    const bin = sums[Math.min(bins - 1, Math.floor(p * bins))]!;
    bin.n++;
    bin.p += p;
    bin.y += label === 'professional' ? 1 : 0;
  });
  return sums.reduce((acc, b) => acc + (b.n === 0 ? 0 : (b.n / gold.length) * Math.abs(b.p / b.n - b.y / b.n)), 0);
}

/** Cohen's kappa between two raters' labels (model vs human in the review screen). */
export function cohensKappa(a: readonly Label[], b: readonly Label[]): number {
  const n = a.length;
  if (n === 0) return 0;
  let agree = 0;
  let aPro = 0;
  let bPro = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    if (a[i] === 'professional') aPro++;
    if (b[i] === 'professional') bPro++;
  }
  const po = agree / n;
  const pe = (aPro / n) * (bPro / n) + (1 - aPro / n) * (1 - bPro / n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}
