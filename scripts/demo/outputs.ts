/** What `npm run demo` writes to --out: tallies.json, posts.jsonl (and the popup screenshots). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CountsReply } from '../../utils/messaging/protocol';
import type { PostRecord } from '../../utils/storage/posts';
import { tallyRows, type ShareBasis } from './table';

/**
 * Whether the popup drew the background's counts: one row per audience (its label, then posts,
 * professional, personal, uncertain), then a total row when there are several audiences. Numbers are
 * compared without their locale's group separators; the total row's label is the popup's own.
 */
export function popupShowsCounts(shown: readonly (readonly string[])[], counts: CountsReply): boolean {
  const numbers = (row: { posts: number; professional: number; personal: number; uncertain: number }) =>
    [row.posts, row.professional, row.personal, row.uncertain].map(String);
  const want = counts.audiences.map((a) => [a.audience.label, ...numbers(a)]);
  if (counts.audiences.length > 1) want.push([null as unknown as string, ...numbers(counts.totals)]);
  if (shown.length !== want.length) return false;
  return want.every((row, i) =>
    row.every((cell, c) => cell === null || (c === 0 ? shown[i]?.[c] === cell : shown[i]?.[c]?.replace(/\D/g, '') === cell)),
  );
}

/** The part of the popup's getSummary reply the demo keeps: per audience, its figures as the popup draws them. */
export interface SummaryFigures {
  audiences: readonly { audience: { key: string }; n: number; k: number; share: unknown; authorWeighted: unknown; corrected: unknown; verdict: unknown }[];
}

export interface DemoResults {
  counts: CountsReply;
  bases: ReadonlyMap<string, ShareBasis>;
  /** null when the background gave no summary (the share then comes from the stored posts). */
  summary: SummaryFigures | null;
  /** The popup's table cells as drawn. */
  shown: string[][];
  records: readonly PostRecord[];
}

export function talliesJson({ counts, bases, summary, shown }: DemoResults, model: string | null) {
  const { rows, total } = tallyRows(counts, bases);
  return {
    model,
    audiences: rows.map(({ audience, key, ...figures }) => {
      const figuresInPopup = summary?.audiences.find((a) => a.audience.key === key);
      return {
        audience,
        key,
        kind: counts.audiences.find((a) => a.audience.key === key)?.audience.kind,
        ...figures,
        ...(figuresInPopup && {
          popupFigures: {
            share: figuresInPopup.share,
            authorWeighted: figuresInPopup.authorWeighted,
            corrected: figuresInPopup.corrected,
            verdict: figuresInPopup.verdict,
          },
        }),
      };
    }),
    totals: total,
    /** The popup's table cells as drawn (English), row by row. */
    popup: shown,
  };
}

/** One line per stored post, in the order seen. */
export function postsJsonl(records: readonly PostRecord[]): string {
  return records
    .map((r) =>
      JSON.stringify({
        platform: r.platform,
        audience: r.audience.label,
        audience_key: r.audience.key,
        id: r.id,
        author: r.author.name ?? null,
        author_handle: r.author.handle ?? null,
        text: r.text,
        label: r.label,
        p_professional: Math.round(r.pProfessional * 10_000) / 10_000,
        uncertain: r.uncertain,
        lang: r.lang,
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

export async function writeOutputs(dir: string, results: DemoResults): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const model = results.records[0]?.model ?? null;
  const tallies = join(dir, 'tallies.json');
  const posts = join(dir, 'posts.jsonl');
  await writeFile(tallies, `${JSON.stringify(talliesJson(results, model), null, 2)}\n`);
  await writeFile(posts, postsJsonl(results.records));
  return [tallies, posts];
}
