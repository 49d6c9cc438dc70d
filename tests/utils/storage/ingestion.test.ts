// Catches a post lost or counted twice on the way from a tab to the store: five tabs sending at once
// with overlapping posts, a background that dies in the middle of a batch (its successor drains the
// queue; the dead one's late answer adds nothing), an inference host that fails (posts wait, then are
// stored), and a full disk (reported, posts kept, cleared once a write succeeds).
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/utils/storage/db';
import { createIngestion, STORAGE_FULL_MESSAGE } from '@/utils/storage/ingestion';
import { countPending } from '@/utils/storage/pendingQueue';
import { aggregatesMatchStore, loadAggregates } from '@/utils/storage/aggregates';
import { recentPosts } from '@/utils/storage/posts';
import type { SeenPost } from '@/utils/messaging/protocol';
import type { Prediction } from '@/utils/model/types';

const feed = { key: 'linkedin:feed', kind: 'feed', label: 'LinkedIn · Feed' } as const;

function seen(id: number): SeenPost {
  return {
    post: { platform: 'linkedin', id: String(id), author: { name: `A${id % 7}` }, text: `post number ${id}`, sponsored: false, truncated: false },
    audience: feed,
    seenAt: 1_700_000_000_000 + id,
  };
}

async function fakeClassify(texts: readonly string[]): Promise<Prediction[]> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return texts.map((text) => {
    const p = text.length % 2 ? 0.9 : 0.1;
    return { label: p > 0.5 ? 'professional' : 'personal', pProfessional: p, uncertain: false, lang: 'en', cues: { professional: [], personal: [] } };
  });
}

let factory: IDBFactory;
beforeEach(() => {
  factory = new IDBFactory();
});
afterEach(() => vi.useRealTimers());

const openStore = () => openDatabase(factory);

async function storedIds(db: IDBDatabase): Promise<string[]> {
  return (await recentPosts(db, 1e6)).map((r) => r.id).sort((a, b) => Number(a) - Number(b));
}

describe('ingestion', () => {
  it('counts every post once when five tabs send overlapping batches at the same time', async () => {
    const db = await openStore();
    const ingestion = createIngestion({ database: async () => db, classify: fakeClassify, model: 'm@1' });
    // Tab t sees posts 20t … 20t+29: each overlaps the next tab's first ten; sent in batches of 7.
    const tabs = [0, 1, 2, 3, 4].map((t) => Array.from({ length: 30 }, (_, i) => seen(20 * t + i)));
    const replies = await Promise.all(
      tabs.map(async (posts) => {
        const out = [];
        for (let i = 0; i < posts.length; i += 7) out.push(await ingestion.receive(posts.slice(i, i + 7)));
        return out;
      }),
    );
    const expected = Array.from({ length: 110 }, (_, i) => String(i));
    expect(await storedIds(db)).toEqual(expected);
    expect(replies.flat().reduce((sum, r) => sum + r.queued, 0)).toBe(110);
    expect(replies.flat().reduce((sum, r) => sum + r.alreadyKnown, 0)).toBe(150 - 110);
    expect(await countPending(db)).toBe(0);
    expect(await aggregatesMatchStore(db)).toBe(true);
    const { rows } = await loadAggregates(db);
    expect(rows.find((r) => r.key === 'linkedin:feed')?.posts).toBe(110);
  });

  it('keeps a batch whose background died mid-classification, and the next background stores it once', async () => {
    const db = await openStore();
    let answerLate: (() => void) | undefined;
    const dying = createIngestion({
      database: async () => db,
      model: 'm@1',
      // The worker is stopped while the host has the batch: this promise is never answered in time.
      classify: (texts) => new Promise((resolve) => (answerLate = () => void fakeClassify(texts).then(resolve))),
    });
    void dying.receive([1, 2, 3, 4, 5].map(seen));
    await vi.waitFor(async () => expect(await countPending(db)).toBe(5));
    expect(await storedIds(db)).toEqual([]);

    // A new background (a restarted worker, a restarted browser) opens the same database.
    const db2 = await openStore();
    const next = createIngestion({ database: async () => db2, classify: fakeClassify, model: 'm@1' });
    await next.drain();
    expect(await storedIds(db2)).toEqual(['1', '2', '3', '4', '5']);
    expect(await next.status()).toEqual({ pending: 0, full: null });

    // The dead one's answer arrives after all (a zombie host): nothing is counted twice.
    answerLate?.();
    await vi.waitFor(async () => expect(await dying.status()).toMatchObject({ pending: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await storedIds(db2)).toEqual(['1', '2', '3', '4', '5']);
    expect(await aggregatesMatchStore(db2)).toBe(true);
  });

  it('a tab resending a batch after an error queues and counts each post once', async () => {
    const db = await openStore();
    const ingestion = createIngestion({ database: async () => db, classify: fakeClassify, model: 'm@1' });
    const batch = [1, 2, 3].map(seen);
    const [a, b] = await Promise.all([ingestion.receive(batch), ingestion.receive(batch)]);
    expect(a.queued + b.queued).toBe(3);
    expect(a.alreadyKnown + b.alreadyKnown).toBe(3);
    expect(await ingestion.receive(batch)).toEqual({ queued: 0, alreadyKnown: 3 });
    expect(await storedIds(db)).toEqual(['1', '2', '3']);
  });

  it('leaves posts queued while the inference host fails, then stores them on the retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = await openStore();
    let hostUp = false;
    const log = vi.fn();
    const ingestion = createIngestion({
      database: async () => db,
      model: 'm@1',
      log,
      classify: (texts) => (hostUp ? fakeClassify(texts) : Promise.reject(new Error('offscreen document crashed'))),
    });
    await ingestion.receive([1, 2, 3].map(seen));
    expect(await ingestion.status()).toEqual({ pending: 3, full: null });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/will retry/), expect.any(Error));
    hostUp = true;
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(async () => expect(await storedIds(db)).toEqual(['1', '2', '3']));
    expect(await ingestion.status()).toEqual({ pending: 0, full: null });
  });

  it('reports a full disk, loses nothing, and clears the report once a write succeeds', async () => {
    const db = await openStore();
    let diskFull = true;
    // The browser refuses writes: every readwrite transaction's add/put throws QuotaExceededError.
    const refusing = new Proxy(db, {
      get(target, prop) {
        if (prop !== 'transaction') return Reflect.get(target, prop, target) as unknown;
        return (stores: string | string[], mode?: IDBTransactionMode) => {
          const tx = target.transaction(stores, mode);
          if (!diskFull || mode !== 'readwrite') return tx;
          return new Proxy(tx, {
            get(t, p) {
              if (p !== 'objectStore') return Reflect.get(t, p, t) as unknown;
              return (name: string) => {
                const store = t.objectStore(name);
                store.add = () => {
                  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
                };
                return store;
              };
            },
          });
        };
      },
    });
    const ingestion = createIngestion({ database: async () => refusing, classify: fakeClassify, model: 'm@1', now: () => 123 });
    await expect(ingestion.receive([1, 2].map(seen))).rejects.toThrow(/quota/i);
    expect(await ingestion.status()).toEqual({ pending: 0, full: { at: 123, message: STORAGE_FULL_MESSAGE } });
    // The tab keeps the batch and resends it (entrypoints/content/reader.ts); space is freed meanwhile.
    diskFull = false;
    expect(await ingestion.receive([1, 2].map(seen))).toEqual({ queued: 2, alreadyKnown: 0 });
    expect(await storedIds(db)).toEqual(['1', '2']);
    expect(await ingestion.status()).toEqual({ pending: 0, full: null });
  });

  it('records nothing the reading rule refuses (paused, platform off)', async () => {
    const db = await openStore();
    const ingestion = createIngestion({ database: async () => db, classify: fakeClassify, model: 'm@1', readable: async () => [] });
    expect(await ingestion.receive([1, 2].map(seen))).toEqual({ queued: 0, alreadyKnown: 0 });
    expect(await ingestion.status()).toEqual({ pending: 0, full: null });
  });
});
