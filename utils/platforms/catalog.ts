/**
 * The one list of platforms Properso reads: ids (the `platform` field of every record and export),
 * display names and the sites' match patterns. The manifest, the content script and the registry all
 * derive from it; tests/utils/platforms/registry.test.ts checks that each entry has an adapter.
 */
export const PLATFORM_IDS = [
  'facebook',
  'linkedin',
  'x',
  'instagram',
  'threads',
  'mastodon',
  'bluesky',
  'reddit',
] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];

export interface PlatformInfo {
  id: PlatformId;
  /** Name shown to users, also the first part of an audience label ("LinkedIn · Feed"). */
  label: string;
  /** Match patterns of the sites where the content script runs (manifest `host_permissions`). */
  matches: string[];
}

export const PLATFORMS: Record<PlatformId, PlatformInfo> = {
  facebook: { id: 'facebook', label: 'Facebook', matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'] },
  linkedin: { id: 'linkedin', label: 'LinkedIn', matches: ['https://www.linkedin.com/*'] },
  x: { id: 'x', label: 'X', matches: ['https://x.com/*', 'https://twitter.com/*'] },
  instagram: { id: 'instagram', label: 'Instagram', matches: ['https://www.instagram.com/*'] },
  threads: { id: 'threads', label: 'Threads', matches: ['https://www.threads.com/*', 'https://www.threads.net/*'] },
  // Other Mastodon servers are granted one by one at run time (optional host permission).
  mastodon: { id: 'mastodon', label: 'Mastodon', matches: ['https://mastodon.social/*'] },
  bluesky: { id: 'bluesky', label: 'Bluesky', matches: ['https://bsky.app/*'] },
  reddit: { id: 'reddit', label: 'Reddit', matches: ['https://www.reddit.com/*'] },
};

export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === 'string' && (PLATFORM_IDS as readonly string[]).includes(value);
}
