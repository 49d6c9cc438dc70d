// Catches a professional share that differs from the popup's, or a misaligned table in the demo's summary.
import { describe, expect, it } from 'vitest';
import type { CountsReply } from '../../../utils/messaging/protocol';
import type { AudienceRef } from '../../../utils/platforms/types';
import type { PostRecord } from '../../../utils/storage/posts';
import { formatShare, formatTallyTable, sharesFromPosts, sharesFromSummary, tallyRows } from '../../../scripts/demo/table';

const linkedin = { key: 'linkedin:feed', kind: 'feed' as const, label: 'LinkedIn · Feed' };
const x = { key: 'x:hashtag:rentrée', kind: 'hashtag' as const, label: 'X · #rentrée' };
const counts: CountsReply = {
  audiences: [
    { audience: linkedin, posts: 33, professional: 27, personal: 5, uncertain: 1 },
    { audience: x, posts: 4, professional: 0, personal: 0, uncertain: 4 },
  ],
  totals: { posts: 37, professional: 27, personal: 5, uncertain: 5 },
};
// As getSummary gives them: n = posts with a label (uncertain ones by their label), k = professional.
const bases = sharesFromSummary({ audiences: [{ audience: linkedin, n: 32, k: 28 }, { audience: x, n: 0, k: 0 }] });

const record = (audience: AudienceRef, label: 'professional' | 'personal', text = 'un texte', uncertain = false) =>
  ({ audience, label, text, uncertain }) as PostRecord;

describe('professional share', () => {
  it('is the popup’s k ÷ n, null when the audience has no labelled post', () => {
    const { rows, total } = tallyRows(counts, bases);
    expect(rows.map((r) => [r.key, r.professionalShare])).toEqual([
      ['linkedin:feed', 28 / 32],
      ['x:hashtag:rentrée', null],
    ]);
    expect(total).toMatchObject({ audience: 'Total', posts: 37, professionalShare: 28 / 32 });
    expect(formatShare(28 / 32)).toBe('88 %');
    expect(formatShare(null)).toBe('—');
  });

  it('is worked out the same way from the stored posts when there is no summary', () => {
    const found = sharesFromPosts([
      record(linkedin, 'professional'),
      record(linkedin, 'professional', 'court', true), // uncertain: counted by its label
      record(linkedin, 'personal'),
      record(linkedin, 'professional', ''), // no text, no label in the share
      record(x, 'personal'),
    ]);
    expect(found).toEqual(new Map([['linkedin:feed', { n: 3, k: 2 }], ['x:hashtag:rentrée', { n: 1, k: 0 }]]));
  });
});

describe('formatTallyTable', () => {
  it('prints one aligned row per audience and a total', () => {
    expect(formatTallyTable(counts, bases)).toBe(
      [
        'Audience         Posts  Professional  Personal  Uncertain  Professional share',
        '───────────────  ─────  ────────────  ────────  ─────────  ──────────────────',
        'LinkedIn · Feed     33            27         5          1                88 %',
        'X · #rentrée         4             0         0          4                   —',
        '───────────────  ─────  ────────────  ────────  ─────────  ──────────────────',
        'Total               37            27         5          5                88 %',
      ].join('\n'),
    );
  });

  it('says when nothing was counted', () => {
    const empty = { audiences: [], totals: { posts: 0, professional: 0, personal: 0, uncertain: 0 } };
    expect(formatTallyTable(empty, new Map()).split('\n').at(-1)).toBe('(no posts counted)');
  });
});
