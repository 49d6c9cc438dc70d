import type { Count, Interval } from './types';

/**
 * Wilson score interval for k successes out of n (Wilson 1927; Newcombe 1998, method 3). Stays in
 * [0, 1] and behaves at k = 0 and k = n, unlike the Wald interval. n = 0 → null (nothing to say).
 */
export function wilsonInterval(k: number, n: number, z = 1.96): Interval | null {
  if (!Number.isFinite(k) || !Number.isFinite(n) || n < 0 || k < 0 || k > n) {
    throw new RangeError(`wilsonInterval: need 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  }
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // Exact 0 and 1 at the edges (the formula gives ±1e-17 there).
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

/** Share k/n with its Wilson interval; null when n = 0. */
export function shareWithInterval(count: Count, z = 1.96): { share: number; low: number; high: number } | null {
  const ci = wilsonInterval(count.k, count.n, z);
  return ci ? { share: count.k / count.n, ...ci } : null;
}
