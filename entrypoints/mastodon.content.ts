/**
 * The content script for Mastodon servers the user granted (any domain): not in the manifest; the
 * background registers it at run time on each granted server (utils/mastodon/servers.ts). It reads
 * the page like the manifest content script, with the Mastodon adapter. It never reads the page's
 * initial-state script, which holds the user's access token.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mastodonAdapter } from '@/utils/platforms/mastodon';
import { readPostsOnPage } from './content/start';

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    readPostsOnPage(ctx, mastodonAdapter);
  },
});
