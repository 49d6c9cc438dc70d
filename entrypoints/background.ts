/**
 * The background: the only writer of stored data. It receives the posts content scripts saw, has the
 * new ones classified by the inference host (utils/inference/client.ts), records them in IndexedDB and
 * answers the popup. In Chrome a service worker, in Firefox an MV3 background page that is also the
 * inference host.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages, type Sender } from '@/utils/messaging';
import { createInferenceClient } from '@/utils/inference/client';
import { openDatabase } from '@/utils/storage/db';
import { countByAudience, recentPosts, sumCounts } from '@/utils/storage/posts';
import { createIngestion } from '@/utils/storage/ingestion';
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
  // Posts from the tabs: queued durably, then classified and stored (utils/storage/ingestion.ts). What
  // a stopped worker, a closed host or a killed browser left in the queue is drained at every start.
  const ingestion = createIngestion({
    database,
    classify: (texts) => inference.classify(texts),
    model: MODEL,
    readable: (seen) => research.readable(seen), // paused, or a platform switched off: not recorded
  });
  void ingestion.drain();
  // After a crash or a restart with posts still queued: this listener makes the browser start the
  // background at startup (the drain above runs then), instead of at the next batch or popup.
  browser.runtime.onStartup.addListener(() => void ingestion.drain());
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

  handleMessages('background', {
    postsSeen: ({ posts }) => ingestion.receive(posts),
    getStorageStatus: () => ingestion.status(),
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
