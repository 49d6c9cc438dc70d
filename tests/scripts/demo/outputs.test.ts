// Catches demo outputs that disagree with the popup or drop fields researchers read in posts.jsonl.
import { describe, expect, it } from 'vitest';
import type { CountsReply } from '../../../utils/messaging/protocol';
import type { PostRecord } from '../../../utils/storage/posts';
import { popupShowsCounts, postsJsonl, talliesJson } from '../../../scripts/demo/outputs';
import { sharesFromSummary } from '../../../scripts/demo/table';

const counts: CountsReply = {
  audiences: [
    { audience: { key: 'linkedin:feed', kind: 'feed', label: 'LinkedIn · Feed' }, posts: 1204, professional: 1000, personal: 200, uncertain: 4 },
    { audience: { key: 'x:hashtag:rentrée', kind: 'hashtag', label: 'X · #rentrée' }, posts: 3, professional: 1, personal: 2, uncertain: 0 },
  ],
  totals: { posts: 1207, professional: 1001, personal: 202, uncertain: 4 },
};
const shown = [
  ['LinkedIn · Feed', '1,204', '1,000', '200', '4'],
  ['X · #rentrée', '3', '1', '2', '0'],
  ['All audiences', '1,207', '1,001', '202', '4'],
];

describe('popupShowsCounts', () => {
  it('accepts the popup drawing the counts (locale separators, its own total label)', () => {
    expect(popupShowsCounts(shown, counts)).toBe(true);
  });

  it('notices a missing row, a wrong label or a wrong number', () => {
    expect(popupShowsCounts(shown.slice(0, 2), counts)).toBe(false);
    expect(popupShowsCounts([['LinkedIn', ...shown[0]!.slice(1)], ...shown.slice(1)], counts)).toBe(false);
    expect(popupShowsCounts([shown[0]!, ['X · #rentrée', '3', '2', '1', '0'], shown[2]!], counts)).toBe(false);
  });
});

describe('talliesJson', () => {
  const share = { value: 0.83, low: 0.81, high: 0.85 };
  const summary = {
    audiences: [
      { audience: counts.audiences[0]!.audience, n: 1204, k: 1000, share, authorWeighted: { value: 0.8 }, corrected: { ok: false }, verdict: 'mixed' },
    ],
  };
  const results = { counts, bases: sharesFromSummary(summary), summary, shown, records: [] };

  it('keeps the popup figures, its share and the drawn rows', () => {
    const json = talliesJson(results, 'properso-linear@1.0.0');
    expect(json.audiences[0]).toEqual({
      audience: 'LinkedIn · Feed', key: 'linkedin:feed', kind: 'feed', posts: 1204, professional: 1000, personal: 200, uncertain: 4,
      professionalShare: 1000 / 1204,
      popupFigures: { share, authorWeighted: { value: 0.8 }, corrected: { ok: false }, verdict: 'mixed' },
    });
    expect(json.audiences[1]).toMatchObject({ key: 'x:hashtag:rentrée', professionalShare: null });
    expect(json.audiences[1]).not.toHaveProperty('popupFigures');
    expect(json.totals).toMatchObject({ posts: 1207, professional: 1001, professionalShare: 1000 / 1204 });
    expect(json.popup).toBe(shown);
  });
});

describe('postsJsonl', () => {
  it('writes one line per post with platform, audience, id, author, text, label and p_professional', () => {
    const record = {
      platform: 'linkedin', id: 'h:1', author: { name: 'Camille Roche', handle: 'camille-roche' }, text: 'Nous recrutons !',
      sponsored: false, truncated: false, audience: counts.audiences[0]!.audience, seenAt: 1, label: 'professional',
      pProfessional: 0.912345, uncertain: false, lang: 'fr', model: 'm@1',
    } as PostRecord;
    const lines = postsJsonl([record, { ...record, id: 'h:2', author: {} }]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({
      platform: 'linkedin', audience: 'LinkedIn · Feed', audience_key: 'linkedin:feed', id: 'h:1', author: 'Camille Roche',
      author_handle: 'camille-roche', text: 'Nous recrutons !', label: 'professional', p_professional: 0.9123, uncertain: false, lang: 'fr',
    });
    expect(JSON.parse(lines[1]!)).toMatchObject({ author: null, author_handle: null });
  });
});
