/**
 * Zeeschuimer exports and 4CAT "original" NDJSON downloads (docs/CLI.md, shared/FORMATS.md):
 * which platform an item comes from, and its text, author, post id and time. Pure functions.
 */

type Json = Record<string, unknown>;

export interface PlatformPost {
  /** Short platform name written to the `platform` column: x, instagram, tiktok… */
  platform: string;
  /** The post's text; null when the item has none (a caption-less photo): never invented. */
  text: string | null;
  author: string | null;
  postId: string | null;
  /** ISO 8601 (UTC) when the platform gives a time, else null. */
  postedAt: string | null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a path of keys (and array indices) through nested objects; undefined when any step is missing. */
export function dig(value: unknown, ...path: Array<string | number>): unknown {
  let at = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(at)) return undefined;
      at = at[key];
    } else {
      if (!isObject(at)) return undefined;
      at = at[key];
    }
  }
  return at;
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** First argument that is a non-empty string (or a number, as a string). */
function first(...values: unknown[]): string | null {
  for (const v of values) {
    const s = str(v);
    if (s !== null && s !== '') return s;
  }
  return null;
}

/** Text or null: whitespace-only text counts as no text. */
function textOrNull(value: string | null): string | null {
  return value !== null && value.trim() !== '' ? value : null;
}

/** Joins the non-empty parts (9gag title + description, Pinterest description + title). */
function joined(...parts: unknown[]): string | null {
  const kept = parts.map(str).filter((p): p is string => p !== null && p.trim() !== '');
  return kept.length > 0 ? kept.join('\n') : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Decodes the HTML entities platforms leave in text (X writes "&amp;" in full_text). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return ENTITIES[lower] ?? safeCodePoint(Number.parseInt(lower.slice(1), 10), whole);
    return ENTITIES[lower] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** HTML (Truth Social `content`) to plain text: paragraphs and <br> become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Epoch seconds (number or numeric string), or any date string Date understands, as ISO 8601 UTC; else the raw value. */
export function isoTime(value: unknown, unit: 's' | 'ms' = 's'): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))) {
    const n = Number(value);
    const date = new Date(unit === 's' ? n * 1000 : n);
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
  }
  if (typeof value === 'string') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date.toISOString();
  }
  return null;
}

type Extractor = (data: Json) => Omit<PlatformPost, 'platform'>;

function x(raw: Json): Omit<PlatformPost, 'platform'> {
  // Some timeline entries wrap the tweet: {__typename: "TweetWithVisibilityResults", tweet: {...}}.
  const data = isObject(raw.tweet) && raw.legacy === undefined ? raw.tweet : raw;
  const text = first(dig(data, 'note_tweet', 'note_tweet_results', 'result', 'text'), dig(data, 'legacy', 'full_text'));
  return {
    text: textOrNull(text === null ? null : decodeEntities(text)),
    author: first(
      dig(data, 'core', 'user_results', 'result', 'core', 'screen_name'),
      dig(data, 'core', 'user_results', 'result', 'legacy', 'screen_name'),
    ),
    postId: first(data.rest_id, dig(data, 'legacy', 'id_str')),
    postedAt: isoTime(dig(data, 'legacy', 'created_at')),
  };
}

function instagram(data: Json): Omit<PlatformPost, 'platform'> {
  return {
    text: textOrNull(first(dig(data, 'caption', 'text'), dig(data, 'edge_media_to_caption', 'edges', 0, 'node', 'text'))),
    author: first(dig(data, 'user', 'username'), dig(data, 'owner', 'username')),
    postId: first(data.code, data.shortcode),
    postedAt: isoTime(data.taken_at ?? data.taken_at_timestamp),
  };
}

function tiktok(data: Json): Omit<PlatformPost, 'platform'> {
  return {
    text: textOrNull(str(data.desc)),
    author: typeof data.author === 'string' ? data.author : first(dig(data, 'author', 'uniqueId')),
    postId: first(data.id),
    postedAt: isoTime(data.createTime),
  };
}

function threads(data: Json): Omit<PlatformPost, 'platform'> {
  return {
    text: textOrNull(first(dig(data, 'caption', 'text'))),
    author: first(dig(data, 'user', 'username')),
    postId: first(data.code),
    postedAt: isoTime(data.taken_at),
  };
}

function linkedin(data: Json): Omit<PlatformPost, 'platform'> {
  const urn = str(dig(data, 'updateMetadata', 'urn'));
  return {
    text: textOrNull(first(dig(data, 'commentary', 'text', 'text'))),
    author: first(dig(data, 'actor', 'name', 'text')),
    postId: urn?.match(/urn:li:activity:(\d+)/)?.[1] ?? null,
    postedAt: null, // LinkedIn only gives a relative time ("3 d"), not a date.
  };
}

function truthsocial(data: Json): Omit<PlatformPost, 'platform'> {
  const html = str(data.content);
  return {
    text: textOrNull(html === null ? null : htmlToText(html)),
    author: first(dig(data, 'account', 'username')),
    postId: first(data.id),
    postedAt: isoTime(data.created_at),
  };
}

function ninegag(data: Json): Omit<PlatformPost, 'platform'> {
  return {
    text: joined(data.title, data.description),
    author: first(dig(data, 'creator', 'username')),
    postId: first(data.id),
    postedAt: isoTime(data.creationTs),
  };
}

function pinterest(data: Json): Omit<PlatformPost, 'platform'> {
  return {
    text: joined(data.description, data.title),
    author: first(dig(data, 'pinner', 'username')),
    postId: first(data.entityId, data.id),
    postedAt: isoTime(data.created_at ?? data.createdAt),
  };
}

/** `source_platform` value → [short name, extractor]. */
const PLATFORMS: Record<string, [string, Extractor]> = {
  'twitter.com': ['x', x],
  'x.com': ['x', x],
  'instagram.com': ['instagram', instagram],
  'tiktok.com': ['tiktok', tiktok],
  'threads.net': ['threads', threads],
  'threads.com': ['threads', threads],
  'linkedin.com': ['linkedin', linkedin],
  'truthsocial.com': ['truthsocial', truthsocial],
  '9gag.com': ['9gag', ninegag],
  'pinterest.com': ['pinterest', pinterest],
};

export const SUPPORTED_PLATFORMS = Object.keys(PLATFORMS);

/** Zeeschuimer line: the envelope with the platform object under `data`. */
export function isZeeschuimerItem(value: Json): boolean {
  return typeof value.source_platform === 'string' && isObject(value.data);
}

/** 4CAT "original" NDJSON line: the platform object at the top, the envelope under `__import_meta`. */
export function is4catItem(value: Json): boolean {
  return isObject(value.__import_meta);
}

/** The platform's post from one Zeeschuimer or 4CAT item; null for a platform this tool does not read. */
export function extractPost(sourcePlatform: string, data: Json): PlatformPost | null {
  const entry = PLATFORMS[sourcePlatform.toLowerCase()];
  if (!entry) return null;
  const [platform, extract] = entry;
  return { platform, ...extract(data) };
}

/** The envelope's top-level scalar fields (not `data`, not nested objects), in order. */
export function envelopeScalars(envelope: Json): Array<[string, unknown]> {
  return Object.entries(envelope).filter(([, v]) => v === null || typeof v !== 'object');
}
