/** The one-word answer to "is this audience professional?", from a share and its interval. */
export type Verdict = 'well_suited' | 'mixed' | 'poorly_suited' | 'not_enough';

export const VERDICTS: readonly Verdict[] = ['well_suited', 'mixed', 'poorly_suited', 'not_enough'];

/** Fewer units (posts, or authors for an author-level row) than this: no verdict. */
export const MIN_UNITS_FOR_VERDICT = 30;
/** The whole interval at or above this: well suited. */
export const WELL_SUITED_FROM = 0.6;
/** The whole interval at or below this: poorly suited. */
export const POORLY_SUITED_UNTIL = 0.4;

/**
 * The rule (docs/STATISTICS.md):
 * - `not_enough` when n < 30, or when the share or its interval is missing;
 * - `well_suited` when the lower bound is ≥ 0.6 (even the pessimistic reading is mostly professional);
 * - `poorly_suited` when the upper bound is ≤ 0.4 (even the optimistic reading is mostly personal);
 * - `mixed` otherwise: the interval reaches into 0.4–0.6 or straddles it.
 * Bounds are compared as given; pass the corrected interval when the correction is available.
 */
export function verdict(share: number | null, ciLow: number | null, ciHigh: number | null, n: number): Verdict {
  if (n < MIN_UNITS_FOR_VERDICT || share === null || ciLow === null || ciHigh === null) return 'not_enough';
  if (![share, ciLow, ciHigh].every(Number.isFinite)) return 'not_enough';
  if (ciLow >= WELL_SUITED_FROM) return 'well_suited';
  if (ciHigh <= POORLY_SUITED_UNTIL) return 'poorly_suited';
  return 'mixed';
}
