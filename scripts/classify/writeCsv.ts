import { csvRow } from '../../utils/export/csv';
import { formatCues, type OutputRecord } from './output';
import type { Prediction } from '../../utils/model/types';

/**
 * The CSV header for a stream of records: the first record's fields (duplicate names of a CSV input
 * kept), then any other field seen in the first batch, in first-seen order.
 */
export function csvHeader(records: readonly OutputRecord[]): string[] {
  const header = records[0]?.map(([name]) => name) ?? [];
  const seen = new Set(header);
  for (const record of records.slice(1)) {
    for (const [name] of record) {
      if (!seen.has(name)) {
        header.push(name);
        seen.add(name);
      }
    }
  }
  return header;
}

/** A record's value as a CSV cell: cues as the compact string, other objects as JSON (csvCell does that). */
function cellValue(name: string, value: unknown): unknown {
  return name === 'cues' && value !== null && typeof value === 'object' ? formatCues(value as Prediction['cues']) : value;
}

/**
 * One CSV row for `record` under `header` (formula guard and quoting from utils/export/csv).
 * Returns the row and the record's fields the header has no column for (reported, never silent).
 */
export function csvLine(record: OutputRecord, header: readonly string[]): { row: string; missing: string[] } {
  const positional = record.length === header.length && record.every(([name], i) => name === header[i]);
  if (positional) return { row: csvRow(record.map(([name, value]) => cellValue(name, value))), missing: [] };
  const byName = new Map<string, unknown>();
  for (const [name, value] of record) if (!byName.has(name)) byName.set(name, value);
  const columns = new Set(header);
  return {
    row: csvRow(header.map((name) => cellValue(name, byName.get(name)))),
    missing: [...byName.keys()].filter((name) => !columns.has(name)),
  };
}
