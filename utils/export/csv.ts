/**
 * CSV writing shared by the command line and the extension's exports (RFC 4180 quoting, plus the
 * OWASP guard against formula injection: a cell a spreadsheet would run as a formula is prefixed
 * with an apostrophe). Pure functions, no Node or browser API.
 */

/** Excel only reads a CSV file as UTF-8 when it starts with this mark; other readers skip it. */
export const CSV_BOM = '\uFEFF';

/** RFC 4180 line ending. */
export const CSV_EOL = '\r\n';

/** Characters that make a spreadsheet treat a cell as a formula (or smuggle one in after a tab/CR). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-3", "+1.5", "2e-4") cannot be a formula; left as is so numbers stay numbers. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Apostrophes in front of a formula character ("'=1+1", "''@x"). Such a cell is guarded too, so that
 * removing the guard is exact: a cell the guard left alone never looks like a guarded one.
 */
const APOSTROPHES_THEN_FORMULA = /^'+[=+\-@\t\r]/;

/** Whether a spreadsheet would run this cell as a formula (OWASP "CSV injection"). */
export function runsAsFormula(cell: string): boolean {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell);
}

/**
 * Prefixes `'` to a cell that a spreadsheet would otherwise evaluate ("=HYPERLINK(…)", "@SUM(…)",
 * "-2+3"), and to one that starts with apostrophes before such a character ("'=x" → "''=x"), so that
 * `removeFormulaGuard` gives every cell back exactly. Other cells ("'quoted'", "-0.93") are unchanged.
 */
export function neutralizeFormula(cell: string): string {
  return runsAsFormula(cell) || APOSTROPHES_THEN_FORMULA.test(cell) ? `'${cell}` : cell;
}

/**
 * The cell as it was before `neutralizeFormula`: drops the first character of a cell that starts with
 * one or more `'` followed by =, +, -, @, tab or CR. Exact for every cell this module wrote (the text of
 * a post that itself began with "'=" comes back with its apostrophe); a no-op on numbers and dates.
 */
export function removeFormulaGuard(cell: string): string {
  return APOSTROPHES_THEN_FORMULA.test(cell) ? cell.slice(1) : cell;
}

/** A value as CSV text: null/undefined empty, objects and arrays JSON-encoded, everything else String(). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One cell: formula guard, then RFC 4180 quoting when it holds a comma, quote, CR or LF. */
export function csvCell(value: unknown, delimiter = ','): string {
  const text = neutralizeFormula(cellText(value));
  return text.includes('"') || text.includes('\n') || text.includes('\r') || text.includes(delimiter)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/** One row, terminated by CRLF. */
export function csvRow(values: readonly unknown[], delimiter = ','): string {
  return values.map((v) => csvCell(v, delimiter)).join(delimiter) + CSV_EOL;
}

/** A whole table (header first); `bom` adds the UTF-8 mark Excel needs for accents. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>, options: { bom?: boolean } = {}): string {
  let out = (options.bom ? CSV_BOM : '') + csvRow(header);
  for (const row of rows) out += csvRow(row);
  return out;
}
