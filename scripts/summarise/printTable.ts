import type { TallyRow } from '../../utils/export/dataPackage';
import { formatDatetime } from '../../utils/export/tableSchema';
import { localDay } from '../../utils/statistics/timeZone';
import { MIN_UNITS_FOR_VERDICT } from '../../utils/statistics/verdict';

const VERDICT_WORDS: Record<TallyRow['verdict'], string> = {
  well_suited: 'well suited',
  mixed: 'mixed',
  poorly_suited: 'poorly suited',
  not_enough: 'not enough data',
};

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}`);

function figure(share: number | null, low: number | null, high: number | null): string {
  if (share === null) return '–';
  return low === null || high === null ? `${pct(share)} %` : `${pct(share)} % [${pct(low)}–${pct(high)}]`;
}

function windowText(row: TallyRow, timeZone: string, window: 'day' | 'week' | 'all'): string {
  if (window === 'all' || row.window_start === null) return window === 'all' ? 'all' : '–';
  const day = localDay(typeof row.window_start === 'number' ? row.window_start : Date.parse(formatDatetime(row.window_start)), timeZone);
  return window === 'week' ? `week of ${day}` : day;
}

/** The tallies as an aligned text table: shares in %, 95 % intervals in brackets. */
export function formatTable(rows: readonly TallyRow[], options: { by: string; window: 'day' | 'week' | 'all'; timeZone: string }): string {
  const header = [options.by, 'window', 'unit', 'n', 'share [95 % CI]', 'corrected [95 % CI]', 'verdict'];
  const body = rows.map((r) => [
    r.audience,
    windowText(r, options.timeZone, options.window),
    r.unit === 'post' ? 'posts' : 'authors',
    String(r.n),
    figure(r.share, r.ci_low, r.ci_high),
    figure(r.corrected_share, r.corrected_ci_low, r.corrected_ci_high),
    r.verdict !== 'not_enough' ? VERDICT_WORDS[r.verdict] : r.n < MIN_UNITS_FOR_VERDICT ? `not enough ${r.unit}s` : 'no interval',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n') + '\n';
}
