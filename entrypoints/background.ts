/**
 * The background: the only writer of stored data. It receives the posts content scripts saw, has the
 * new ones classified by the inference host (utils/inference/client.ts), records them in IndexedDB and
 * answers the popup. In Chrome a service worker, in Firefox an MV3 background page that is also the
 * inference host.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages, type Sender, type SeenPost } from '@/utils/messaging';
import { createInferenceClient } from '@/utils/inference/client';
import { openDatabase } from '@/utils/storage/db';
import { addNewPosts, countByAudience, knownPostKeys, recentPosts, sumCounts, type PostRecord } from '@/utils/storage/posts';
import { audienceDefinitionsSetting, uiLanguageSetting } from '@/utils/storage/settings';
import { applyAudienceChange } from '@/utils/storage/audienceDefinitions';
import { createPageHealthRecorder, isPageHealthReport } from '@/utils/storage/pageHealth';
import { createMastodonServers, type PermissionsApi, type ScriptingApi } from '@/utils/mastodon/servers';
import { browser } from 'wxt/browser';
import modelMeta from '@/models/properso.json';
import { createResearchService } from '@/utils/summary/service';

const MODEL = `${modelMeta.id}@${modelMeta.version}`;

export default defineBackground(() => {
  const inference = createInferenceClient();
  let db: Promise<IDBDatabase> | undefined;
  const database = () => (db ??= openDatabase());
  // Popup figures, review, research export, data settings and retention (utils/summary/service.ts).
  const research = createResearchService({
    database,
    modelMeta,
    definitions: () => audienceDefinitionsSetting.getValue(),
    extensionOrigin: browser.runtime.getURL('/'),
    version: browser.runtime.getManifest().version,
  });
  void research.scheduleRetention(browser.alarms).catch((error: unknown) => console.warn('[properso] retention', error));
  const pageHealth = createPageHealthRecorder();
  // Mastodon servers the user granted: content script registered at run time, re-synced on every start.
  const mastodon = createMastodonServers({
    permissions: browser.permissions as unknown as PermissionsApi,
    scripting: browser.scripting as unknown as ScriptingApi,
  });
  const syncMastodon = () =>
    void mastodon.sync().catch((error: unknown) => console.warn('[properso] Mastodon servers', error));
  syncMastodon();
  browser.permissions.onAdded.addListener(syncMastodon);
  browser.permissions.onRemoved.addListener(syncMastodon);
  // Changes to the user's definitions and servers come from the extension's own pages, never a tab.
  const requirePage = (sender: Sender) => {
    if (sender.tab || !sender.url?.startsWith(browser.runtime.getURL('/'))) {
      throw new Error('Only the popup and the options page may change settings');
    }
  };
  // Serialised like the health log: two quick changes from the options page must not lose one.
  let audienceQueue: Promise<unknown> = Promise.resolve();

  async function recordSeenPosts(all: readonly SeenPost[]) {
    const seen = await research.readable(all); // paused, or a platform switched off: not recorded
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
        cues: prediction.cues,
      };
    });
    const recorded = await addNewPosts(store, records);
    return { recorded, alreadyKnown: seen.length - recorded };
  }

  handleMessages('background', {
    postsSeen: ({ posts }) => recordSeenPosts(posts),
    ...research.handlers,
    getCounts: async ({ includeSponsored, asRecorded }) => {
      const definitions = asRecorded ? undefined : await audienceDefinitionsSetting.getValue();
      const audiences = await countByAudience(await database(), definitions, { includeSponsored });
      return { audiences, totals: sumCounts(audiences) };
    },
    getRecentPosts: async ({ limit }) => recentPosts(await database(), limit),
    getInferenceStatus: () => inference.status(),
    getSettings: async () => ({ uiLanguage: await uiLanguageSetting.getValue() }),
    setUiLanguage: async ({ language }) => {
      await uiLanguageSetting.setValue(language);
      return { uiLanguage: language };
    },
    pageHealth: async ({ report }) => {
      if (isPageHealthReport(report)) await pageHealth.record(report);
      return { ok: true };
    },
    getHealth: async () => ({ platforms: await pageHealth.summary() }),
    getAudienceDefinitions: () => audienceDefinitionsSetting.getValue(),
    updateAudiences: ({ change }, sender) => {
      requirePage(sender);
      const done = audienceQueue.then(async () => {
        const next = applyAudienceChange(await audienceDefinitionsSetting.getValue(), change);
        await audienceDefinitionsSetting.setValue(next);
        return next;
      });
      audienceQueue = done.catch(() => undefined);
      return done;
    },
    getMastodonServers: async () => ({ servers: await mastodon.list() }),
    addMastodonServer: async ({ host }, sender) => {
      requirePage(sender);
      return { servers: await mastodon.add(host) };
    },
    removeMastodonServer: async ({ host }, sender) => {
      requirePage(sender);
      return { servers: await mastodon.remove(host) };
    },
  });
});
