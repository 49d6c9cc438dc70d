// Catches double counting (same post in two batches or tabs) and wrong per-audience sums.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/utils/storage/db';
import { addNewPosts, countByAudience, recentPosts, sumCounts, type PostRecord } from '@/utils/storage/posts';

const feed = { key: 'linkedin:feed', kind: 'feed', label: 'LinkedIn · Feed' } as const;
const group = { key: 'linkedin:group:42', kind: 'group', label: 'LinkedIn · Group' } as const;

function record(id: string, overrides: Partial<PostRecord> = {}): PostRecord {
  return {
    platform: 'linkedin',
    id,
    author: { name: 'A' },
    text: `post ${id}`,
    sponsored: false,
    truncated: false,
    audience: feed,
    seenAt: Number(id),
    label: 'professional',
    pProfessional: 0.9,
    uncertain: false,
    lang: 'en',
    model: 'test@1',
    ...overrides,
  };
}

let db: IDBDatabase;
beforeEach(async () => {
  db = await openDatabase(new IDBFactory());
});

describe('posts store', () => {
  it('adds a post once, whatever the batch or audience it comes in', async () => {
    expect(await addNewPosts(db, [record('1'), record('2'), record('1')])).toBe(2);
    expect(await addNewPosts(db, [record('2', { audience: group }), record('3')])).toBe(1);
    const stored = await recentPosts(db, 10);
    expect(stored.map((r) => `${r.id}@${r.audience.key}`).sort()).toEqual(['1@linkedin:feed', '2@linkedin:feed', '3@linkedin:feed']);
  });

  it('counts per audience: professional, personal, uncertain, posts', async () => {
    await addNewPosts(db, [
      record('1'),
      record('2', { label: 'personal', pProfessional: 0.1 }),
      record('3', { uncertain: true, pProfessional: 0.55 }),
      record('4', { audience: group, label: 'personal' }),
    ]);
    const rows = await countByAudience(db);
    expect(rows).toEqual([
      { audience: feed, posts: 3, professional: 1, personal: 1, uncertain: 1 },
      { audience: group, posts: 1, professional: 0, personal: 1, uncertain: 0 },
    ]);
    expect(sumCounts(rows)).toEqual({ posts: 4, professional: 1, personal: 2, uncertain: 1 });
  });

  it('lists recent posts newest first', async () => {
    await addNewPosts(db, [record('1'), record('3'), record('2')]);
    expect((await recentPosts(db, 2)).map((r) => r.id)).toEqual(['3', '2']);
  });
});
