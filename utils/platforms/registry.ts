import { blueskyAdapter } from './bluesky';
import { PLATFORMS, type PlatformId } from './catalog';
import { facebookAdapter } from './facebook';
import { instagramAdapter } from './instagram';
import { linkedinAdapter } from './linkedin';
import { hasMastodonMarkup, mastodonAdapter } from './mastodon';
import { redditAdapter } from './reddit';
import { threadsAdapter } from './threads';
import type { PlatformAdapter } from './types';
import { xAdapter } from './x';

/**
 * Every platform adapter, one line each, in catalog order. Adding a platform touches its catalog entry,
 * its adapter file, its fixtures and one line here; tests/utils/platforms/registry.test.ts fails until
 * all four agree.
 */
export const ADAPTERS: readonly PlatformAdapter[] = [
  facebookAdapter,
  linkedinAdapter,
  xAdapter,
  instagramAdapter,
  threadsAdapter,
  mastodonAdapter,
  blueskyAdapter,
  redditAdapter,
];

export function adapterById(id: PlatformId): PlatformAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a WebExtension match pattern ("https://www.linkedin.com/*", "https://*.example.org/*",
 * "*://x.com/*") covers `url`. Query and fragment are not part of the match, as in browsers.
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const parsed = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parsed) return false;
  const [, scheme, host, path] = parsed as unknown as [string, string, string, string];
  const urlScheme = url.protocol.replace(/:$/, '');
  if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : urlScheme !== scheme) return false;
  const hostname = url.hostname.toLowerCase();
  if (host !== '*') {
    const bare = host.toLowerCase().replace(/^\*\./, '');
    const hostOk = host.startsWith('*.') ? hostname === bare || hostname.endsWith(`.${bare}`) : hostname === bare;
    if (!hostOk) return false;
  }
  const pathPattern = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return pathPattern.test(url.pathname);
}

/** A granted Mastodon server, given as a host ("toot.example") or a match pattern ("https://toot.example/*"). */
function isGrantedHost(granted: string, url: URL): boolean {
  if (granted.includes('://')) return matchesPattern(granted, url);
  return url.protocol === 'https:' && granted.trim().toLowerCase() === url.hostname.toLowerCase();
}

/**
 * The adapter for a page: the platform whose catalog match patterns cover the URL; else Mastodon when
 * the host is one the user granted, or when `doc` shows Mastodon's markup (servers live on any domain).
 */
export function adapterForUrl(
  url: URL,
  doc?: Document,
  grantedMastodonHosts: readonly string[] = [],
): PlatformAdapter | undefined {
  const listed = ADAPTERS.find((adapter) => PLATFORMS[adapter.id].matches.some((pattern) => matchesPattern(pattern, url)));
  if (listed) return listed;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (grantedMastodonHosts.some((granted) => isGrantedHost(granted, url))) return mastodonAdapter;
  if (doc && hasMastodonMarkup(doc)) return mastodonAdapter;
  return undefined;
}
