// Catches a receiver answering messages meant for another (Chrome delivers each to every page).
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages, isMessageTo, sendMessage } from '@/utils/messaging';

afterEach(() => fakeBrowser.reset());

describe('messaging', () => {
  it('routes by receiver and returns typed replies', async () => {
    const stopBackground = handleMessages('background', {
      postsSeen: ({ posts }) => ({ queued: posts.length, alreadyKnown: 0 }),
      getCounts: () => ({ audiences: [], totals: { posts: 0, professional: 0, personal: 0, uncertain: 0 } }),
      getRecentPosts: () => [],
      getInferenceStatus: () => ({ host: null, firstClassificationMs: null }),
      getSettings: () => ({ uiLanguage: 'fr' }),
      setUiLanguage: ({ language }) => ({ uiLanguage: language }),
      pageHealth: () => ({ ok: true }),
      getHealth: () => ({ platforms: [] }),
      getStorageStatus: () => ({ pending: 0, full: null }),
      getStorageProblems: () => ({ posts: 0, postFields: {}, totals: 0, settings: [], firstAt: null, latestAt: null }),
      dismissStorageProblems: () => ({ posts: 0, postFields: {}, totals: 0, settings: [], firstAt: null, latestAt: null }),
      getAudienceDefinitions: () => ({ renames: {}, merges: {}, authorAudiences: [] }),
      updateAudiences: () => ({ renames: {}, merges: {}, authorAudiences: [] }),
      getMastodonServers: () => ({ servers: [] }),
      addMastodonServer: () => ({ servers: [] }),
      removeMastodonServer: () => ({ servers: [] }),
      // Popup figures, review, export and data settings (utils/summary/service.ts).
      getSummary: () => { throw new Error('not in this test'); },
      getReviewPosts: () => [],
      setHumanLabel: () => ({ ok: true }),
      exportData: () => ({ fileName: 'x.zip', mimeType: 'application/zip', base64: '', posts: 0, parts: 1, exportId: null }),
      exportPart: () => ({ base64: '' }),
      getPreferences: () => { throw new Error('not in this test'); },
      setPreferences: () => { throw new Error('not in this test'); },
      deleteAllData: () => ({ deleted: 0 }),
      getPostLabels: () => [],
    });
    const reply = await sendMessage({ to: 'background', type: 'getSettings' });
    expect(reply).toEqual({ uiLanguage: 'fr' });
    stopBackground();
  });

  it('recognises messages by receiver only', () => {
    expect(isMessageTo({ to: 'offscreen', type: 'classify', texts: [] }, 'offscreen')).toBe(true);
    expect(isMessageTo({ to: 'offscreen', type: 'classify', texts: [] }, 'background')).toBe(false);
    expect(isMessageTo('hello', 'background')).toBe(false);
    expect(isMessageTo({ type: 'getCounts' }, 'background')).toBe(false);
  });
});
