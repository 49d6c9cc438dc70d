import type { OutputRecord } from './output';

/** One JSON line (cues stay an object). */
export function jsonlLine(record: OutputRecord): string {
  return `${JSON.stringify(Object.fromEntries(record))}\n`;
}
