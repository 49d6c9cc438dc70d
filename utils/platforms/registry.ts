/**
 * The explicit, ordered list of platform adapters, and the one the content script uses for a URL.
 * (Minimal version with LinkedIn only, written by the runtime issue so the content script builds;
 * the adapters issue owns this file and adds the other platforms.)
 */
import { PLATFORMS } from './catalog';
import { linkedinAdapter } from './linkedin';
import type { PlatformAdapter } from './types';

export const ADAPTERS: readonly PlatformAdapter[] = [linkedinAdapter];

function hostMatches(pattern: string, url: URL): boolean {
  const host = /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1];
  if (!host) return false;
  if (host.startsWith('*.')) return url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1));
  return url.hostname === host;
}

/** The adapter of the platform whose match patterns cover this URL. */
export function adapterForUrl(url: URL): PlatformAdapter | undefined {
  return ADAPTERS.find((adapter) => PLATFORMS[adapter.id].matches.some((pattern) => hostMatches(pattern, url)));
}
