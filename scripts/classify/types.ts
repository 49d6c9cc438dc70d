/** Shared shapes of the classify command line (scripts/classify.ts). */

/** What the input file turned out to be (CSV by extension; the JSON kinds from the first valid line). */
export type InputKind = 'jsonl' | 'csv' | 'zeeschuimer' | '4cat';

/** Why a line (or CSV record) was refused. The summary counts lines per reason. */
export type InvalidReason =
  | 'invalid UTF-8'
  | 'invalid JSON'
  | 'not a JSON object'
  | 'missing text'
  | 'text not a string'
  | 'empty text'
  | 'not a Zeeschuimer item'
  | 'not a 4CAT item'
  | 'unsupported platform'
  | 'malformed CSV'
  | 'wrong number of columns';

export interface InvalidLine {
  kind: 'invalid';
  /** 1-based line of the file where the line (or CSV record) starts. */
  line: number;
  reason: InvalidReason;
  detail?: string;
}

/** One post to classify, whatever the input kind. */
export interface InputRecord {
  kind: 'record';
  /** 1-based line of the file where the record starts. */
  line: number;
  /** Output id: the input's id (or the platform's post id), else the line / data-row number. */
  id: unknown;
  /** The text to classify; null when a Zeeschuimer/4CAT item has none (never invented). */
  text: string | null;
  /** Added for Zeeschuimer/4CAT items. */
  platform?: { platform: string; author: string | null; postedAt: string | null };
  /** The input's other fields, in input order, carried through unchanged. */
  carried: Array<[string, unknown]>;
}

export type Parsed = InputRecord | InvalidLine;

/** A line of the file as bytes decoded: invalid UTF-8 is replaced by U+FFFD and flagged. */
export interface RawLine {
  line: number;
  text: string;
  invalidUtf8: boolean;
}

/** A problem with the whole input (no text column, unreadable file…): exit code 2, nothing written. */
export class InputError extends Error {
  override name = 'InputError';
}
