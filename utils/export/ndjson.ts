/** Newline-delimited JSON: one JSON object per line, LF-terminated (https://github.com/ndjson/ndjson-spec). */
export function toNdjson(records: Iterable<unknown>): string {
  let out = '';
  for (const record of records) {
    const line = JSON.stringify(record);
    if (line === undefined) throw new TypeError('toNdjson: a record cannot be written as JSON');
    out += `${line}\n`;
  }
  return out;
}
