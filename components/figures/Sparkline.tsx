/**
 * The trend by day as small bars (one per day with posts, height = professional share), each with a
 * title giving the day, share, posts and interval; the 50 % line for reference. role="img" with a
 * sentence for screen readers.
 */
import type { TrendDay } from '@/utils/summary/summary';
import type { UiLanguage } from '@/utils/storage/settings';
import { bound, fillIn, percent, type FigureStrings } from './strings';

interface Props {
  days: TrendDay[];
  strings: FigureStrings;
  language: UiLanguage;
}

export function Sparkline({ days, strings, language }: Props) {
  if (days.length === 0) return <span class="muted">{strings.trendNone}</span>;
  const width = Math.max(days.length * 6, 24);
  const label = fillIn(strings.trendLabel, {
    days: days.length,
    first: percent(days[0]!.share, language),
    last: percent(days.at(-1)!.share, language),
  });
  return (
    <svg class="sparkline" viewBox={`0 0 ${width} 20`} role="img" aria-label={label} style={{ width: `${Math.min(width / 6, 14) * 0.9}em` }}>
      <line class="midline" x1="0" x2={width} y1="10" y2="10" />
      {days.map((d, i) => (
        <rect key={d.day} class="day" x={i * 6 + 1} y={20 - Math.max(1, d.share * 20)} width="4" height={Math.max(1, d.share * 20)}>
          <title>{fillIn(strings.dayTitle, { day: d.day, share: percent(d.share, language), n: d.n, low: bound(d.low), high: bound(d.high) })}</title>
        </rect>
      ))}
    </svg>
  );
}
