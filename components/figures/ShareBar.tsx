/**
 * A professional share at a glance: the 0–100 % track with the 40–60 % "mixed" zone shaded, the 95 %
 * interval as a band, the share as a tick, and the corrected share's interval as a thinner band below.
 * Drawn in SVG sized in em, so it grows with the text at 200 % zoom; described in words for screen
 * readers (role="img" + aria-label).
 */
import type { UiLanguage } from '@/utils/storage/settings';
import { fillIn, percent, type FigureStrings } from './strings';

interface Props {
  share: { value: number; low: number | null; high: number | null } | null;
  corrected: { value: number; low: number | null; high: number | null } | null;
  strings: FigureStrings;
  language: UiLanguage;
}

const x = (v: number) => Math.max(0, Math.min(100, v * 100));

export function ShareBar({ share, corrected, strings, language }: Props) {
  if (!share) return null;
  const p = (v: number | null) => percent(v, language);
  let label = fillIn(strings.shareBarLabel, { share: p(share.value), low: p(share.low), high: p(share.high) });
  if (corrected) label += fillIn(strings.shareBarCorrected, { share: p(corrected.value), low: p(corrected.low), high: p(corrected.high) });
  return (
    <svg class="share-bar" viewBox="0 0 100 14" preserveAspectRatio="none" role="img" aria-label={label}>
      <rect class="track" x="0" y="2" width="100" height="7" />
      <rect class="mixed-zone" x="40" y="2" width="20" height="7" />
      {share.low !== null && share.high !== null && (
        <rect class="interval" x={x(share.low)} y="2" width={Math.max(0.6, x(share.high) - x(share.low))} height="7" />
      )}
      <rect class="point" x={x(share.value) - 0.6} y="0" width="1.2" height="11" />
      {corrected && corrected.low !== null && corrected.high !== null && (
        <rect class="corrected" x={x(corrected.low)} y="11.5" width={Math.max(0.6, x(corrected.high) - x(corrected.low))} height="2.5" />
      )}
    </svg>
  );
}
