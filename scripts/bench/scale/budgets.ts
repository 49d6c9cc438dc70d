/**
 * The scale benchmark's budgets, in one place (docs/BENCHMARKS.md, "Scale: 200,000 posts over 50
 * audiences", gives the reasons). They apply to the full run (200,000 posts), in every browser
 * measured; the baseline run only gives the ratios.
 */
export const SCALE_BUDGETS = {
  /** Popup open → figures in the page, median of the opens: a popup that takes longer feels broken. */
  popupOpenMs: 1_000,
  /** The research data package (zip), click → file ready: a one-off task the user waits for, with a "preparing" line shown. */
  exportDatapackageMs: 30_000,
  /** The same for NDJSON. */
  exportNdjsonMs: 30_000,
  /**
   * Deleting about half of the posts (the user lowers the retention from 90 to 45 days), message →
   * done. A rare action the user asked for, done in the background in chunks (the popup stays usable:
   * next budget); the time is the browser's own per-post delete (Chromium: about 0.2 ms a post here).
   */
  purgeMs: 30_000,
  /** A popup opened while a purge runs (45 → 30 days), navigation → figures: the purge must not hold it. */
  popupDuringPurgeMs: 1_000,
} as const;

export type ScaleBudget = keyof typeof SCALE_BUDGETS;
