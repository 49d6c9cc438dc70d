/**
 * Corrections when one figure mixes posts the model handles differently (French and English have
 * their own error rates), and for the author-weighted share. docs/STATISTICS.md gives the formulas.
 */
import { langReiczigelParts, ratesProblem, roganGladen, type Correction } from './roganGladen';
import type { Count, ErrorRates } from './types';

const clip01 = (x: number) => Math.min(1, Math.max(0, x));

export interface Stratum {
  /** A name for messages ("fr"). */
  name: string;
  count: Count;
  /** Null when the model has no error rates for this stratum (language `other`). */
  rates: ErrorRates | null;
}

/**
 * Post-weighted combination of per-language corrections: π = Σ (n_l / n) π_l. One stratum → exactly
 * {@link roganGladen}. Several → each stratum's Lang–Reiczigel centre and standard error, combined as
 * Σ w_l c_l ± z √(Σ w_l² se_l²). Any stratum without error rates makes the whole correction undefined
 * (a partial correction would silently mix corrected and raw shares).
 */
export function stratifiedRoganGladen(strata: readonly Stratum[], z = 1.96): Correction {
  const used = strata.filter((s) => s.count.n > 0);
  if (used.length === 0) return { ok: false, reason: 'no posts to correct' };
  const missing = used.filter((s) => s.rates === null);
  if (missing.length > 0) {
    const list = missing.map((s) => `${s.count.n} in "${s.name}"`).join(', ');
    return { ok: false, reason: `no error rates for some posts (${list}), so the share cannot be corrected` };
  }
  if (used.length === 1) {
    const { count, rates } = used[0]!;
    return roganGladen(count, rates!.sensitivity, rates!.specificity, { nSensitivity: rates!.nSensitivity, nSpecificity: rates!.nSpecificity, z });
  }
  const total = used.reduce((sum, s) => sum + s.count.n, 0);
  let raw = 0;
  let centre = 0;
  let variance = 0;
  for (const s of used) {
    const rates = s.rates!;
    const problem = ratesProblem(rates.sensitivity, rates.specificity);
    if (problem) return { ok: false, reason: `${s.name}: ${problem}` };
    const parts = langReiczigelParts(s.count, rates, z);
    if (!parts.ok) return { ok: false, reason: `${s.name}: ${parts.reason}` };
    const w = s.count.n / total;
    raw += w * ((s.count.k / s.count.n + rates.specificity - 1) / (rates.sensitivity + rates.specificity - 1));
    centre += w * parts.centre;
    variance += w * w * parts.se ** 2;
  }
  const half = z * Math.sqrt(variance);
  return { ok: true, value: clip01(raw), clipped: raw < 0 || raw > 1, low: clip01(centre - half), high: clip01(centre + half), method: 'rogan-gladen-stratified' };
}

/**
 * Correction of a mean of per-author shares (its standard error from the t-interval), by the delta
 * method: Var(π̂) ≈ [SE² + π² Se(1−Se)/n_Se + (1−π)² Sp(1−Sp)/n_Sp] / (Se + Sp − 1)², with the
 * Se/Sp terms dropped when their sample sizes are unknown. `quantile` is the t quantile used for
 * the uncorrected interval, so both intervals have the same nominal level.
 */
export function correctMeanShare(mean: number, standardError: number, quantile: number, rates: ErrorRates): Correction {
  const problem = ratesProblem(rates.sensitivity, rates.specificity);
  if (problem) return { ok: false, reason: problem };
  const youden = rates.sensitivity + rates.specificity - 1;
  const raw = (mean + rates.specificity - 1) / youden;
  const est = clip01(raw);
  const varSe = rates.nSensitivity ? (rates.sensitivity * (1 - rates.sensitivity)) / rates.nSensitivity : 0;
  const varSp = rates.nSpecificity ? (rates.specificity * (1 - rates.specificity)) / rates.nSpecificity : 0;
  const half = quantile * (Math.sqrt(standardError ** 2 + est ** 2 * varSe + (1 - est) ** 2 * varSp) / youden);
  return { ok: true, value: est, clipped: raw < 0 || raw > 1, low: clip01(raw - half), high: clip01(raw + half), method: 'rogan-gladen-delta' };
}
