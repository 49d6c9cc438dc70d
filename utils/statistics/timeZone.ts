/**
 * Calendar days and weeks in the user's time zone (IANA name, e.g. "Europe/Paris"), with Intl only.
 * Day keys are "YYYY-MM-DD" local dates; instants are epoch milliseconds.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which callers report.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * An instant from ISO 8601 text, epoch milliseconds, epoch seconds (numbers below 1e11, i.e. before
 * 1973 in ms: platform exports such as Instagram's `taken_at` use seconds) or a Date; null otherwise.
 */
export function toInstant(time: string | number | Date | null | undefined): number | null {
  if (time === null || time === undefined || time === '') return null;
  if (time instanceof Date) return Number.isFinite(time.getTime()) ? time.getTime() : null;
  if (typeof time === 'number') return Number.isFinite(time) ? (Math.abs(time) < 1e11 ? time * 1000 : time) : null;
  if (/^\d+(\.\d+)?$/.test(time.trim())) return toInstant(Number(time));
  // Only ISO-like text (a date first); Date.parse would accept "3 d" and other locale guesses.
  if (!/^\d{4}-\d{2}-\d{2}/.test(time.trim())) return null;
  const ms = Date.parse(time);
  return Number.isFinite(ms) ? ms : null;
}

function parts(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Offset of the zone from UTC at that instant, in ms (Paris in winter: +3,600,000). */
function offsetAt(ms: number, timeZone: string): number {
  const p = parts(ms, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The local date ("YYYY-MM-DD") of an instant in the zone. */
export function localDay(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant a local date begins in the zone (local midnight, or the first local time after it on a DST jump). */
export function startOfDay(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}

/** Calendar arithmetic on day keys. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday (ISO 8601 week start) of the week holding `day`. */
export function weekStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}
