/**
 * Correcting a share for the classifier's mistakes (Rogan & Gladen 1978): if the model finds a
 * professional post with probability Se (sensitivity) and a personal one with probability Sp
 * (specificity), the observed share p estimates Se·π + (1 − Sp)·(1 − π), so the true share is
 * π = (p + Sp − 1) / (Se + Sp − 1). Undefined when Se + Sp ≤ 1 (a model no better than chance).
 */
import { wilsonInterval } from './wilson';
import type { Count, ErrorRates, NotComputed } from './types';

export type Correction =
  | {
      ok: true;
      /** Corrected share, clipped to [0, 1]. */
      value: number;
      /** Interval bounds (clipped to [0, 1]); null when only a share, not a count, was given. */
      low: number | null;
      high: number | null;
      /** True when the raw correction fell outside [0, 1] (observed share below 1 − Sp or above Se). */
      clipped: boolean;
      /** `rogan-gladen-wilson` (Se, Sp taken as exact) or `lang-reiczigel-2014` (their uncertainty included). */
      method: CorrectionMethod;
    }
  | NotComputed;

export type CorrectionMethod = 'rogan-gladen-wilson' | 'lang-reiczigel-2014' | 'rogan-gladen-stratified' | 'rogan-gladen-delta';

export interface CorrectionOptions {
  /** Sample sizes behind Se and Sp: with both, their uncertainty widens the interval (Lang & Reiczigel 2014). */
  nSensitivity?: number;
  nSpecificity?: number;
  z?: number;
}

const clip01 = (x: number) => Math.min(1, Math.max(0, x));
const isRate = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;

/** Why Se/Sp cannot correct anything, or null when they can. */
export function ratesProblem(sensitivity: number, specificity: number): string | null {
  if (!isRate(sensitivity) || !isRate(specificity)) return `sensitivity and specificity must be in [0, 1] (got ${sensitivity}, ${specificity})`;
  if (sensitivity + specificity <= 1) {
    return `sensitivity + specificity = ${round(sensitivity + specificity)} ≤ 1: the classifier is no better than chance here, so the correction is undefined`;
  }
  return null;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** The unclipped Rogan–Gladen value. */
function rawCorrection(p: number, se: number, sp: number): number {
  return (p + sp - 1) / (se + sp - 1);
}

/**
 * Corrected share. With a plain share: the point only. With a count {k, n}: also an interval —
 * the Wilson bounds pushed through the correction when Se and Sp are taken as exact, or the
 * Lang–Reiczigel (2014) adjusted interval when their sample sizes are given.
 */
export function roganGladen(share: number | Count, sensitivity: number, specificity: number, options: CorrectionOptions = {}): Correction {
  const problem = ratesProblem(sensitivity, specificity);
  if (problem) return { ok: false, reason: problem };
  const count = typeof share === 'number' ? null : share;
  if (count && (count.n === 0 || !Number.isFinite(count.n))) return { ok: false, reason: 'no posts to correct' };
  const p = count ? count.k / count.n : (share as number);
  if (!isRate(p)) return { ok: false, reason: `share must be in [0, 1] (got ${p})` };
  const raw = rawCorrection(p, sensitivity, specificity);
  const point = { value: clip01(raw), clipped: raw < 0 || raw > 1 };
  if (!count) return { ok: true, ...point, low: null, high: null, method: 'rogan-gladen-wilson' };
  const z = options.z ?? 1.96;
  const { nSensitivity, nSpecificity } = options;
  if (nSensitivity && nSpecificity && nSensitivity > 0 && nSpecificity > 0) {
    const parts = langReiczigelParts(count, { sensitivity, specificity, nSensitivity, nSpecificity, source: '' }, z);
    if (!parts.ok) return parts;
    return { ok: true, ...point, low: clip01(parts.centre - z * parts.se), high: clip01(parts.centre + z * parts.se), method: 'lang-reiczigel-2014' };
  }
  const ci = wilsonInterval(count.k, count.n, z)!;
  return {
    ok: true,
    ...point,
    low: clip01(rawCorrection(ci.low, sensitivity, specificity)),
    high: clip01(rawCorrection(ci.high, sensitivity, specificity)),
    method: 'rogan-gladen-wilson',
  };
}

/**
 * Lang & Reiczigel (2014, Preventive Veterinary Medicine 113:13–22): add z²/2 professional and
 * z²/2 personal pseudo-posts to the sample, 1 success and 1 failure to each of the Se and Sp
 * samples, correct, then centre a Wald interval on the corrected value plus a shift term.
 * Rates without sample sizes get neither pseudo-counts nor variance (taken as exact).
 */
export function langReiczigelParts(count: Count, rates: ErrorRates, z: number): { ok: true; centre: number; se: number } | NotComputed {
  const z2 = z * z;
  const nP = count.n + z2;
  const p = (count.k + z2 / 2) / nP;
  const withN = (rate: number, n: number | undefined) =>
    n && n > 0 ? { rate: (rate * n + 1) / (n + 2), n: n + 2 } : { rate, n: Infinity };
  const se = withN(rates.sensitivity, rates.nSensitivity);
  const sp = withN(rates.specificity, rates.nSpecificity);
  const youden = se.rate + sp.rate - 1;
  if (youden <= 0) return { ok: false, reason: 'sensitivity + specificity ≤ 1 after the small-sample adjustment: the correction is undefined' };
  const est = (p + sp.rate - 1) / youden;
  const varSe = (se.rate * (1 - se.rate)) / se.n;
  const varSp = (sp.rate * (1 - sp.rate)) / sp.n;
  const standardError = Math.sqrt((p * (1 - p)) / nP + varSe * est ** 2 + varSp * (1 - est) ** 2) / youden;
  const shift = 2 * z2 * (est * varSe - (1 - est) * varSp);
  return { ok: true, centre: est + shift, se: standardError };
}
