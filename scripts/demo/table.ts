/**
 * The per-audience table the demo prints: the popup's counts and its professional share. The share is
 * the popup's own (getSummary: k ÷ n, n = the audience's posts with a text and so a label, uncertain
 * ones counted by their label, k = those labelled professional); without a summary it is worked out
 * the same way from the stored posts.
 */
import type { CountsReply } from '../../utils/messaging/protocol';
import type { PostRecord } from '../../utils/storage/posts';

/** The base of an audience's share: posts with a label, and the professional ones among them. */
export interface ShareBasis {
  n: number;
  k: number;
}

export interface TallyRow {
  audience: string;
  key: string;
  posts: number;
  professional: number;
  personal: number;
  uncertain: number;
  /** k ÷ n, as the popup shows it; null when the audience has no labelled post. */
  professionalShare: number | null;
}

/** The popup's bases, from a getSummary reply. */
export function sharesFromSummary(summary: { audiences: readonly { audience: { key: string }; n: number; k: number }[] }): Map<string, ShareBasis> {
  return new Map(summary.audiences.map((a) => [a.audience.key, { n: a.n, k: a.k }]));
}

/** The same bases from the stored posts (posts with a text; uncertain ones by their label). */
export function sharesFromPosts(records: readonly PostRecord[]): Map<string, ShareBasis> {
  const bases = new Map<string, ShareBasis>();
  for (const record of records) {
    if (record.text.trim() === '') continue;
    const basis = bases.get(record.audience.key) ?? { n: 0, k: 0 };
    basis.n++;
    if (record.label === 'professional') basis.k++;
    bases.set(record.audience.key, basis);
  }
  return bases;
}

const share = (basis: ShareBasis | undefined) => (basis && basis.n > 0 ? basis.k / basis.n : null);

export function tallyRows(counts: CountsReply, bases: ReadonlyMap<string, ShareBasis>): { rows: TallyRow[]; total: TallyRow } {
  const rows = counts.audiences.map((a) => ({
    audience: a.audience.label,
    key: a.audience.key,
    posts: a.posts,
    professional: a.professional,
    personal: a.personal,
    uncertain: a.uncertain,
    professionalShare: share(bases.get(a.audience.key)),
  }));
  const all = counts.audiences.map((a) => bases.get(a.audience.key) ?? { n: 0, k: 0 });
  const total = share({ n: all.reduce((s, b) => s + b.n, 0), k: all.reduce((s, b) => s + b.k, 0) });
  return { rows, total: { audience: 'Total', key: '*', ...counts.totals, professionalShare: total } };
}

export function formatShare(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`;
}

const width = (text: string) => [...text].length;

/** A plain-text table, numbers right-aligned, a rule under the header and above the total. */
export function formatTallyTable(counts: CountsReply, bases: ReadonlyMap<string, ShareBasis>): string {
  const { rows, total } = tallyRows(counts, bases);
  const header = ['Audience', 'Posts', 'Professional', 'Personal', 'Uncertain', 'Professional share'];
  const cells = (r: TallyRow) => [r.audience, String(r.posts), String(r.professional), String(r.personal), String(r.uncertain), formatShare(r.professionalShare)];
  const body = rows.map(cells);
  const all = [header, ...body, cells(total)];
  const widths = header.map((_, c) => Math.max(...all.map((line) => width(line[c] ?? ''))));
  const line = (cols: string[]) =>
    cols.map((col, c) => (c === 0 ? col + ' '.repeat(widths[c]! - width(col)) : ' '.repeat(widths[c]! - width(col)) + col)).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  if (rows.length === 0) return [line(header), rule, '(no posts counted)'].join('\n');
  return [line(header), rule, ...body.map(line), rule, line(cells(total))].join('\n');
}
