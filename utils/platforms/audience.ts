import { PLATFORMS, type PlatformId } from './catalog';
import { firstMatch, type SelectorList } from './dom';
import { labelText } from './text';
import type { AudienceKind, AudienceRef } from './types';

/**
 * Builds an audience: key `platform:kind[:part…]` in lower case (stable across visits, languages and
 * renamed pages), label "Platform · name" for people. `keyParts` come from the URL, `name` may come
 * from the page.
 */
export function audienceRef(
  platform: PlatformId,
  kind: AudienceKind,
  keyParts: readonly string[],
  name: string,
): AudienceRef {
  const key = [platform, kind, ...keyParts.map((part) => part.trim().toLowerCase())].join(':');
  return { key, kind, label: `${PLATFORMS[platform].label} · ${name}` };
}

/** The home feed of a platform: "linkedin:feed", "LinkedIn · Feed". */
export function feedAudience(platform: PlatformId): AudienceRef {
  return audienceRef(platform, 'feed', [], 'Feed');
}

/** A search: key on the query in lower case with spaces collapsed, label "Search: query". */
export function searchAudience(platform: PlatformId, query: string): AudienceRef {
  const q = query.replace(/\s+/g, ' ').trim();
  return audienceRef(platform, 'search', [q], `Search: ${q}`);
}

/** A hashtag: key without '#', label "#Tag" keeping the case the URL shows. */
export function hashtagAudience(platform: PlatformId, tag: string): AudienceRef {
  const bare = tag.replace(/^#/, '').trim();
  return audienceRef(platform, 'hashtag', [bare], `#${bare}`);
}

/** The first non-empty heading text the selectors find in `doc`, on one line, or undefined. */
export function headingText(doc: Document | undefined, selectors: SelectorList): string | undefined {
  if (!doc) return undefined;
  let text: string | undefined;
  firstMatch(doc, selectors, (el) => {
    text = labelText(el);
    return text !== '';
  });
  return text || undefined;
}

/** Path segments of a URL, decoded, without empty ones. */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}
