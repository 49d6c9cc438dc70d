/**
 * What the user made of their audiences: new names, audiences merged into another, and audiences
 * defined as a list of authors ("my clients": these handles on these platforms). Stored in
 * `browser.storage.local` as one versioned WXT item, written only by the background (the popup and the
 * options page send `updateAudiences`; the storage item is in settings.ts). Stored posts are never rewritten: counts apply these
 * definitions when they are read (utils/storage/audienceTally.ts), so undoing a merge is free.
 */
import { isPlatformId, type PlatformId } from '../platforms/catalog';
import { isRecord } from './isRecord';

/** One author of an author-list audience. */
export interface AuthorRef {
  platform: PlatformId;
  /** Handle as the adapter reads it (`author.handle`), compared without '@' and case. */
  handle: string;
}

export interface AuthorAudience {
  /** `authors:<slug>`: never collides with a view's key (`platform:kind…`). */
  key: string;
  label: string;
  authors: AuthorRef[];
}

export interface AudienceDefinitions {
  /** Audience key → the label shown instead of the page's. */
  renames: Record<string, string>;
  /** Audience key → the key its posts are counted under. */
  merges: Record<string, string>;
  authorAudiences: AuthorAudience[];
}

export const AUTHOR_AUDIENCE_PREFIX = 'authors:';

export function emptyAudienceDefinitions(): AudienceDefinitions {
  return { renames: {}, merges: {}, authorAudiences: [] };
}

/** A change the popup or the options page asks the background for. */
export type AudienceChange =
  /** label null: back to the page's own name. */
  | { kind: 'rename'; key: string; label: string | null }
  /** into null: unmerge. */
  | { kind: 'merge'; from: string; into: string | null }
  /** Creates (no key) or replaces an author-list audience. */
  | { kind: 'saveAuthorAudience'; key?: string; label: string; authors: AuthorRef[] }
  | { kind: 'removeAuthorAudience'; key: string };

export function isAuthorAudienceKey(key: string): boolean {
  return key.startsWith(AUTHOR_AUDIENCE_PREFIX);
}

/** "@Claire@Toot.Example " → "claire@toot.example": how handles are compared. */
export function normaliseHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** The key an audience's posts are counted under, following merges (a → b → c gives c; a cycle stops). */
export function resolveMerge(definitions: AudienceDefinitions, key: string): string {
  let current = key;
  const visited = new Set<string>([current]);
  for (;;) {
    const next = definitions.merges[current];
    if (next === undefined || visited.has(next)) return current;
    visited.add(next);
    current = next;
  }
}


/**
 * Stored definitions as a valid AudienceDefinitions, whatever `browser.storage.local` holds (a value
 * damaged on disk or written by hand): what is unreadable is left out and named in `problems` (empty
 * when the value was sound or absent). Every read goes through it (utils/storage/settings.ts).
 */
export function normaliseAudienceDefinitions(value: unknown): { value: AudienceDefinitions; problems: string[] } {
  const out = emptyAudienceDefinitions();
  if (value === null || value === undefined) return { value: out, problems: [] };
  if (!isRecord(value)) return { value: out, problems: ['not an object'] };
  const problems = new Set<string>();
  const stringMap = (field: 'renames' | 'merges', raw: unknown) => {
    if (raw === undefined) return;
    if (!isRecord(raw)) return void problems.add(field);
    for (const [key, target] of Object.entries(raw)) {
      if (typeof target === 'string' && target.trim() !== '' && target !== key) out[field][key] = target;
      else problems.add(field);
    }
  };
  stringMap('renames', value.renames);
  stringMap('merges', value.merges);
  if (value.authorAudiences !== undefined) {
    if (!Array.isArray(value.authorAudiences)) problems.add('authorAudiences');
    else {
      for (const list of value.authorAudiences as unknown[]) {
        const authors = isRecord(list) && Array.isArray(list.authors)
          ? (list.authors as unknown[]).filter((a): a is AuthorRef => isRecord(a) && isPlatformId(a.platform) && typeof a.handle === 'string' && a.handle.trim() !== '')
          : [];
        const sound =
          isRecord(list) && typeof list.key === 'string' && isAuthorAudienceKey(list.key) && typeof list.label === 'string' && list.label.trim() !== '' &&
          !out.authorAudiences.some((a) => a.key === list.key);
        if (!sound || authors.length === 0) {
          problems.add('authorAudiences');
          continue;
        }
        if (authors.length < (list.authors as unknown[]).length) problems.add('authorAudiences');
        out.authorAudiences.push({ key: list.key as string, label: list.label as string, authors: authors.map((a) => ({ platform: a.platform, handle: a.handle })) });
      }
    }
  }
  return { value: out, problems: [...problems] };
}

function slug(label: string): string {
  return (
    label
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'list'
  );
}

function cleanLabel(label: string): string {
  const clean = label.replace(/\s+/g, ' ').trim();
  if (!clean) throw new Error('An audience needs a name');
  if (clean.length > 120) throw new Error('An audience name is at most 120 characters');
  return clean;
}

function cleanAuthors(authors: readonly AuthorRef[]): AuthorRef[] {
  const seen = new Set<string>();
  const out: AuthorRef[] = [];
  for (const author of authors) {
    if (!isPlatformId(author.platform)) throw new Error(`Unknown platform ${String(author.platform)}`);
    const handle = normaliseHandle(String(author.handle ?? ''));
    if (!handle) continue;
    const key = `${author.platform}:${handle}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ platform: author.platform, handle });
  }
  if (out.length === 0) throw new Error('An author list needs at least one author');
  return out;
}

/**
 * The definitions after one change; never mutates its input. Throws on a change that makes no sense
 * (an empty name, a merge into itself or into a cycle, merging an author list, an unknown list).
 */
export function applyAudienceChange(definitions: AudienceDefinitions, change: AudienceChange): AudienceDefinitions {
  const next: AudienceDefinitions = {
    renames: { ...definitions.renames },
    merges: { ...definitions.merges },
    authorAudiences: definitions.authorAudiences.map((a) => ({ ...a, authors: [...a.authors] })),
  };
  switch (change.kind) {
    case 'rename': {
      if (change.label === null || change.label.trim() === '') delete next.renames[change.key];
      else next.renames[change.key] = cleanLabel(change.label);
      return next;
    }
    case 'merge': {
      if (change.into === null) {
        delete next.merges[change.from];
        return next;
      }
      if (isAuthorAudienceKey(change.from) || isAuthorAudienceKey(change.into)) {
        throw new Error('Author lists are counted on their own; they cannot be merged');
      }
      if (change.from === change.into) throw new Error('An audience cannot be merged into itself');
      if (resolveMerge(next, change.into) === change.from) {
        throw new Error(`Merging ${change.from} into ${change.into} would make a cycle`);
      }
      next.merges[change.from] = change.into;
      return next;
    }
    case 'saveAuthorAudience': {
      const label = cleanLabel(change.label);
      const authors = cleanAuthors(change.authors);
      if (change.key !== undefined) {
        const existing = next.authorAudiences.find((a) => a.key === change.key);
        if (!existing) throw new Error(`No author list ${change.key}`);
        existing.label = label;
        existing.authors = authors;
        return next;
      }
      const base = `${AUTHOR_AUDIENCE_PREFIX}${slug(label)}`;
      let key = base;
      for (let n = 2; next.authorAudiences.some((a) => a.key === key); n++) key = `${base}-${n}`;
      next.authorAudiences.push({ key, label, authors });
      return next;
    }
    case 'removeAuthorAudience': {
      next.authorAudiences = next.authorAudiences.filter((a) => a.key !== change.key);
      delete next.renames[change.key];
      return next;
    }
  }
}

/**
 * Authors as a user types them, one per line: "platform:handle" or "platform handle" ("mastodon:
 * claire@toot.example", "linkedin claire-moreau", "X @acme"). Lines that name no known platform come
 * back in `invalid`, so the page can say which.
 */
export function parseAuthorLines(text: string): { authors: AuthorRef[]; invalid: string[] } {
  const authors: AuthorRef[] = [];
  const invalid: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^([A-Za-z]+)\s*[:\s]\s*(\S+)$/.exec(line);
    const platform = match?.[1]?.toLowerCase();
    const handle = match?.[2] ? normaliseHandle(match[2]) : '';
    if (match && isPlatformId(platform) && handle) authors.push({ platform, handle });
    else invalid.push(line);
  }
  return { authors, invalid };
}

export function formatAuthorLines(authors: readonly AuthorRef[]): string {
  return authors.map((a) => `${a.platform}:${a.handle}`).join('\n');
}
