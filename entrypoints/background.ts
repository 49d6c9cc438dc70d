/**
 * The background: the only writer of stored data. It receives the posts content scripts saw, has the
 * new ones classified by the inference host (utils/inference/client.ts), records them in IndexedDB and
 * answers the popup. In Chrome a service worker, in Firefox an MV3 background page that is also the
 * inference host.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages, type SeenPost } from '@/utils/messaging';
import { createInferenceClient } from '@/utils/inference/client';
import { openDatabase } from '@/utils/storage/db';
import { addNewPosts, countByAudience, knownPostKeys, recentPosts, sumCounts, type PostRecord } from '@/utils/storage/posts';
import { uiLanguageSetting } from '@/utils/storage/settings';
import modelMeta from '@/models/properso.json';

const MODEL = `${modelMeta.id}@${modelMeta.version}`;

export default defineBackground(() => {
  const inference = createInferenceClient();
  let db: Promise<IDBDatabase> | undefined;
  const database = () => (db ??= openDatabase());

  async function recordSeenPosts(seen: readonly SeenPost[]) {
    const store = await database();
    const known = await knownPostKeys(store, seen.map(({ post }) => [post.platform, post.id] as const));
    const fresh = seen.filter(({ post }) => !known.has(`${post.platform}\u0000${post.id}`));
    if (fresh.length === 0) return { recorded: 0, alreadyKnown: seen.length };
    const predictions = await inference.classify(fresh.map(({ post }) => post.text));
    const records: PostRecord[] = fresh.map(({ post, audience, seenAt }, i) => {
      const prediction = predictions[i];
      if (!prediction) throw new Error('Missing prediction');
      return {
        ...post,
        audience,
        seenAt,
        label: prediction.label,
        pProfessional: prediction.pProfessional,
        uncertain: prediction.uncertain,
        lang: prediction.lang,
        model: MODEL,
      };
    });
    const recorded = await addNewPosts(store, records);
    return { recorded, alreadyKnown: seen.length - recorded };
  }

  handleMessages('background', {
    postsSeen: ({ posts }) => recordSeenPosts(posts),
    getCounts: async () => {
      const audiences = await countByAudience(await database());
      return { audiences, totals: sumCounts(audiences) };
    },
    getRecentPosts: async ({ limit }) => recentPosts(await database(), limit),
    getInferenceStatus: () => inference.status(),
    getSettings: async () => ({ uiLanguage: await uiLanguageSetting.getValue() }),
    setUiLanguage: async ({ language }) => {
      await uiLanguageSetting.setValue(language);
      return { uiLanguage: language };
    },
  });
});
