import type { Count } from './types';
import { wilsonInterval } from './wilson';

export interface Difference {
  /** share(a) − share(b). */
  difference: number;
  low: number;
  high: number;
}

/**
 * Difference of two independent shares with Newcombe's hybrid score interval (Newcombe 1998,
 * Statistics in Medicine 17:873, method 10): the Wilson intervals of each share combined by the
 * square-and-add rule. Null when either side has no posts.
 */
export function differenceOfShares(a: Count, b: Count, z = 1.96): Difference | null {
  const ciA = wilsonInterval(a.k, a.n, z);
  const ciB = wilsonInterval(b.k, b.n, z);
  if (!ciA || !ciB) return null;
  const pA = a.k / a.n;
  const pB = b.k / b.n;
  const difference = pA - pB;
  return {
    difference,
    low: Math.max(-1, difference - Math.sqrt((pA - ciA.low) ** 2 + (ciB.high - pB) ** 2)),
    high: Math.min(1, difference + Math.sqrt((ciA.high - pA) ** 2 + (pB - ciB.low) ** 2)),
  };
}
