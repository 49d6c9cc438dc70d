/**
 * Counts stored posts per audience as the user defined them, at read time: merged audiences count
 * under their target, renamed ones show the user's name, and each author-list audience counts the
 * posts of its authors wherever they were seen (so a post may count in its view and in a list; the
 * totals count each post once). Sponsored posts are stored (the issue asks to record them) but are
 * not the audience: left out unless asked for.
 */
import type { AudienceRef } from '../platforms/types';
import {
  emptyAudienceDefinitions,
  isAuthorAudienceKey,
  normaliseHandle,
  resolveMerge,
  type AudienceDefinitions,
} from './audienceDefinitions';
import type { AudienceCounts, PostRecord } from './posts';

export interface TallyOptions {
  /** Count sponsored posts too (default false). */
  includeSponsored?: boolean;
}

function emptyRow(audience: AudienceRef): AudienceCounts {
  return { audience, posts: 0, professional: 0, personal: 0, uncertain: 0 };
}

function addTo(row: AudienceCounts, record: PostRecord): void {
  row.posts++;
  if (record.uncertain) row.uncertain++;
  else if (record.label === 'professional') row.professional++;
  else row.personal++;
}

/**
 * One row per audience, views first in order of first sighting (records must come oldest first), then
 * the author lists in the order they were defined (also when empty, so a new list shows).
 */
export function tallyAudiences(
  records: Iterable<PostRecord>,
  definitions: AudienceDefinitions = emptyAudienceDefinitions(),
  options: TallyOptions = {},
): AudienceCounts[] {
  const rows = new Map<string, AudienceCounts>();
  /** The label an audience's own posts carry (a merge target may first appear through a merged one). */
  const ownAudience = new Map<string, AudienceRef>();
  const authorRows = definitions.authorAudiences.map((list) => ({
    row: emptyRow({ key: list.key, kind: 'list', label: list.label }),
    authors: new Set(list.authors.map((a) => `${a.platform}:${normaliseHandle(a.handle)}`)),
  }));

  for (const record of records) {
    if (record.sponsored && !options.includeSponsored) continue;
    if (!ownAudience.has(record.audience.key)) ownAudience.set(record.audience.key, record.audience);
    const key = resolveMerge(definitions, record.audience.key);
    let row = rows.get(key);
    if (!row) {
      row = emptyRow({ ...record.audience, key });
      rows.set(key, row);
    }
    addTo(row, record);
    const handle = record.author.handle ? `${record.platform}:${normaliseHandle(record.author.handle)}` : undefined;
    if (handle) for (const list of authorRows) if (list.authors.has(handle)) addTo(list.row, record);
  }

  const out = [...rows.values(), ...authorRows.map((list) => list.row)];
  for (const row of out) {
    const own = ownAudience.get(row.audience.key);
    if (own) row.audience = { ...own };
    const renamed = definitions.renames[row.audience.key];
    if (renamed) row.audience = { ...row.audience, label: renamed };
  }
  return out;
}

/** Totals over the view audiences: each post once, whatever lists it is also in. */
export function viewRows(rows: readonly AudienceCounts[]): AudienceCounts[] {
  return rows.filter((row) => !isAuthorAudienceKey(row.audience.key));
}
