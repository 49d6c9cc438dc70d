import { describe, expect, it } from 'vitest';
import { authorWeightedShare } from '../../../utils/statistics/authorWeightedShare';
import type { LabelledPost } from '../../../utils/statistics/types';

function postsOf(author: string, professional: number, personal: number): LabelledPost[] {
  return [
    ...Array.from({ length: professional }, () => ({ author, label: 'professional' as const })),
    ...Array.from({ length: personal }, () => ({ author, label: 'personal' as const })),
  ];
}

describe('authorWeightedShare', () => {
  it('averages per-author shares with a t-interval over authors (reference: scipy)', () => {
    const posts = [
      ...postsOf('a', 1, 0), ...postsOf('b', 0, 2), ...postsOf('c', 1, 1),
      ...postsOf('d', 3, 1), ...postsOf('e', 2, 1), ...postsOf('f', 1, 3),
    ];
    const r = authorWeightedShare(posts);
    expect(r.authors).toBe(6);
    expect(r.posts).toBe(16);
    expect(r.share).toBeCloseTo(0.527778, 5);
    expect(r.standardError).toBeCloseTo(0.146986, 5);
    expect(r.quantile).toBeCloseTo(2.570582, 5);
    expect(r.low).toBeCloseTo(0.149938, 5);
    expect(r.high).toBeCloseTo(0.905618, 5);
  });

  it('one prolific author counts once', () => {
    const posts = [...postsOf('recruiter', 40, 0), ...postsOf('x', 0, 1), ...postsOf('y', 0, 1), ...postsOf('z', 0, 1)];
    expect(authorWeightedShare(posts).share).toBeCloseTo(0.25, 12);
  });

  it('leaves out unlabelled posts and counts posts without author', () => {
    const posts: LabelledPost[] = [...postsOf('a', 1, 1), { author: null, label: 'professional' }, { author: '', label: 'personal' }, { author: 'b', label: null }];
    const r = authorWeightedShare(posts);
    expect(r).toMatchObject({ authors: 1, posts: 2, withoutAuthor: 2, share: 0.5, low: null, high: null });
  });

  it('every author with the same share: no interval rather than a false point of certainty', () => {
    const r = authorWeightedShare([...postsOf('a', 2, 0), ...postsOf('b', 1, 0), ...postsOf('c', 5, 0)]);
    expect(r).toMatchObject({ authors: 3, share: 1, low: null, high: null, standardError: null });
    expect(r.note).toMatch(/same share/);
  });

  it('no authors → nulls, never NaN; interval stays in [0, 1]', () => {
    expect(authorWeightedShare([])).toMatchObject({ authors: 0, share: null, low: null, high: null });
    const r = authorWeightedShare([...postsOf('a', 1, 0), ...postsOf('b', 0, 1)]);
    expect(r.low).toBe(0);
    expect(r.high).toBe(1);
  });
});
