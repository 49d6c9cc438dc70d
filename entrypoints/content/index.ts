/**
 * Runs on every platform the catalog lists: picks the platform's adapter and reads the posts the user
 * sees (entrypoints/content/reader.ts). Everything stops with WXT's `ctx` when the extension reloads
 * or updates.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PLATFORM_MATCHES } from '@/utils/platforms/matches';
import { adapterForUrl } from '@/utils/platforms/registry';
import { readPostsOnPage } from './start';

export default defineContentScript({
  matches: PLATFORM_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterForUrl(new URL(location.href), document);
    if (adapter) readPostsOnPage(ctx, adapter);
  },
});
