import { addDays, localDay, startOfDay, toInstant } from './timeZone';
import type { LabelledPost } from './types';
import { wilsonInterval } from './wilson';

export interface DayShare {
  /** Local date in the given time zone, "YYYY-MM-DD". */
  day: string;
  /** When that local day starts and ends (epoch ms; end exclusive). */
  start: number;
  end: number;
  n: number;
  k: number;
  share: number;
  low: number;
  high: number;
}

export interface Trend {
  /** Days with at least one classified post, in date order (days without posts are not invented). */
  days: DayShare[];
  /** Classified posts without a usable time, left out of the days. */
  undated: number;
}

/**
 * Per local day (in `timeZone`, an IANA name such as "Europe/Paris"): posts, professional posts,
 * share and Wilson interval. Posts without a label are ignored; posts without a time are counted in
 * `undated`. Throws RangeError for an unknown time zone.
 */
export function trendByDay(posts: Iterable<LabelledPost>, timeZone: string, z = 1.96): Trend {
  const byDay = new Map<string, { n: number; k: number }>();
  let undated = 0;
  for (const post of posts) {
    if (post.label !== 'professional' && post.label !== 'personal') continue;
    const ms = toInstant(post.time);
    if (ms === null) {
      undated++;
      continue;
    }
    const day = localDay(ms, timeZone);
    const tally = byDay.get(day) ?? { n: 0, k: 0 };
    tally.n++;
    if (post.label === 'professional') tally.k++;
    byDay.set(day, tally);
  }
  if (byDay.size === 0) localDay(0, timeZone); // still reject an unknown zone on empty input
  const days = [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, { n, k }]): DayShare => {
      const ci = wilsonInterval(k, n, z)!;
      return { day, start: startOfDay(day, timeZone), end: startOfDay(addDays(day, 1), timeZone), n, k, share: k / n, low: ci.low, high: ci.high };
    });
  return { days, undated };
}
