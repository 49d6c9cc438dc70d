/**
 * Two audiences side by side: the difference of their professional shares in percentage points with
 * Newcombe's 95 % interval (utils/statistics/differenceOfShares.ts), drawn on a −100…+100 axis and
 * said in words. Computed here: two counts, a few operations.
 */
import { useState } from 'preact/hooks';
import { differenceOfShares } from '@/utils/statistics/differenceOfShares';
import type { SummaryReply } from '@/utils/summary/summary';
import type { UiLanguage } from '@/utils/storage/settings';
import { fillIn, fillInIsolated, type FigureStrings } from './strings';

interface Props {
  summary: SummaryReply;
  strings: FigureStrings;
  language: UiLanguage;
}

const points = (v: number, language: UiLanguage) =>
  new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(Math.round(v * 100));

export function CompareAudiences({ summary, strings, language }: Props) {
  const withPosts = summary.audiences.filter((a) => a.n > 0);
  const [first, setFirst] = useState<string | null>(null);
  const [second, setSecond] = useState<string | null>(null);
  if (withPosts.length < 2) return <p class="muted">{strings.compareNeedsTwo}</p>;
  const a = withPosts.find((x) => x.audience.key === first) ?? withPosts[0]!;
  const b = withPosts.find((x) => x.audience.key === second) ?? withPosts.find((x) => x !== a)!;
  const diff = differenceOfShares({ k: a.k, n: a.n }, { k: b.k, n: b.n });
  const x = (v: number) => 50 + v * 50;
  const template = !diff ? '' : diff.low > 0 ? strings.moreProfessional : diff.high < 0 ? strings.lessProfessional : strings.noClearDifference;
  const labels = { a: a.audience.label, b: b.audience.label };
  const words = fillIn(template, labels);
  const select = (id: string, label: string, value: string, onChange: (key: string) => void) => (
    <p class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {withPosts.map((o) => (
          <option key={o.audience.key} value={o.audience.key}>
            {o.audience.label}
          </option>
        ))}
      </select>
    </p>
  );
  return (
    <div class="compare">
      <p class="help">{strings.compareHelp}</p>
      {select('compare-a', strings.compareFirst, a.audience.key, setFirst)}
      {select('compare-b', strings.compareSecond, b.audience.key, setSecond)}
      {diff && (
        <>
          <p class="difference" data-figure="difference" title={strings.compareHelp}>
            {strings.difference}: {fillIn(strings.points, { value: points(diff.difference, language) })} [{points(diff.low, language)} ; {points(diff.high, language)}]
          </p>
          <svg class="diff-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={words}>
            <rect class="track" x="0" y="3" width="100" height="4" />
            <rect class="interval" x={x(diff.low)} y="2" width={Math.max(0.6, x(diff.high) - x(diff.low))} height="6" />
            <rect class="zero" x="49.7" y="0" width="0.6" height="10" />
            <rect class="point" x={x(diff.difference) - 0.6} y="0" width="1.2" height="10" />
          </svg>
          <p class="words">{fillInIsolated(template, labels)}</p>
        </>
      )}
    </div>
  );
}
