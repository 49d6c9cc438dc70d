/**
 * The user's reading preferences applied to a platform adapter (utils/storage/preferences.ts): while
 * reading is paused, or this platform is switched off, no URL counts as a feed, so the reader reads
 * nothing; and each post read is handed to the on-page badges (shown only when switched on). The
 * preferences are watched, so a change applies at once, without a page reload.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PlatformAdapter } from '@/utils/platforms/types';
import { defaultPreferences, isReading, normalisePreferences, preferencesSetting, type Preferences } from '@/utils/storage/preferences';
import { createBadges } from './badges';

export function applyPreferences(ctx: ContentScriptContext, adapter: PlatformAdapter): PlatformAdapter {
  // Until storage answers (a few ms), read nothing: a paused user's posts must not slip through.
  let preferences: Preferences = { ...defaultPreferences(), paused: true };
  const badges = createBadges(ctx, { enabled: false });
  const apply = (value: unknown) => {
    preferences = normalisePreferences(value);
    badges.setEnabled(preferences.badges);
  };
  void preferencesSetting.getValue().then(apply, () => apply(null));
  const unwatch = preferencesSetting.watch(apply);
  ctx.onInvalidated(unwatch);
  return {
    ...adapter,
    isFeedUrl: (url) => isReading(preferences, adapter.id) && adapter.isFeedUrl(url),
    readPost(container) {
      const post = adapter.readPost(container);
      if (post && !post.sponsored) badges.track(container, post);
      return post;
    },
  };
}
