/**
 * Post times, only from machine-readable sources: a `datetime` attribute, an ISO/epoch attribute, or an
 * id that encodes its own creation time (LinkedIn activity ids, AT Protocol TIDs). Never from relative
 * text ("3h •"): it is localised, rounded and, on Facebook, scrambled on purpose.
 */

/** Earliest and latest plausible post times; anything outside is a misread, not a post time. */
const EARLIEST_MS = Date.UTC(2004, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);

function plausibleIso(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < EARLIEST_MS || ms > LATEST_MS) return undefined;
  return new Date(ms).toISOString();
}

/**
 * An ISO-8601 string from a `datetime`-like attribute ("2026-01-05T10:30:00.000Z",
 * "2026-01-05T10:30:00.000000+0000" as Reddit writes it), or undefined.
 */
export function isoFromDatetime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return undefined;
  // Reddit writes microseconds and "+0000"; Date.parse accepts neither everywhere.
  const normalised = trimmed
    .replace(/(\.\d{3})\d+/, '$1')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return plausibleIso(Date.parse(normalised));
}

/** An ISO string from epoch milliseconds (old Reddit's data-timestamp), or undefined. */
export function isoFromEpochMs(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = typeof value === 'number' ? value : Number(value);
  return plausibleIso(ms);
}

/** LinkedIn activity ids carry their creation time in milliseconds in their top 41 bits. */
export function isoFromLinkedInActivityId(id: string | undefined): string | undefined {
  if (!id || !/^\d{15,20}$/.test(id)) return undefined;
  return plausibleIso(Number(BigInt(id) >> 22n));
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * AT Protocol record keys for posts are TIDs: 13 base32-sortable characters, 53 bits of microseconds
 * since the epoch, then 10 bits of clock id. Other record keys answer undefined.
 */
export function isoFromAtprotoTid(rkey: string | undefined): string | undefined {
  if (!rkey || !/^[2-7a-j][2-7a-z]{12}$/.test(rkey)) return undefined;
  let value = 0n;
  for (const char of rkey) value = value * 32n + BigInt(TID_ALPHABET.indexOf(char));
  const micros = value >> 10n;
  return plausibleIso(Number(micros / 1000n));
}
