/**
 * The bundled demo: demo/posts/<platform>.json rendered by the platform's template into pages served
 * at their real URLs. A platform whose adapter is not in the registry yet is left out with a note, so
 * the demo grows by itself as adapters land.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PLATFORM_IDS, type PlatformId } from '../../utils/platforms/catalog';
import { ADAPTERS } from '../../utils/platforms/registry';
import { checkDemoFile, type DemoFeed, type DemoPlatformFile } from './feedData';
import { renderBluesky } from './render/bluesky';
import { renderFacebook } from './render/facebook';
import { renderInstagram } from './render/instagram';
import { renderLinkedIn } from './render/linkedin';
import { renderMastodon } from './render/mastodon';
import { renderReddit } from './render/reddit';
import { renderThreads } from './render/threads';
import { renderX } from './render/x';
import type { ServedPage } from './pagesFile';

export const DEMO_POSTS_DIR = 'demo/posts';

export const RENDERERS: Record<PlatformId, (feed: DemoFeed) => string> = {
  facebook: renderFacebook,
  linkedin: renderLinkedIn,
  x: renderX,
  instagram: renderInstagram,
  threads: renderThreads,
  mastodon: renderMastodon,
  bluesky: renderBluesky,
  reddit: renderReddit,
};

export function registeredPlatforms(): Set<PlatformId> {
  return new Set(ADAPTERS.map((adapter) => adapter.id));
}

/** Reads and checks every demo/posts/*.json; throws with every problem found. */
export async function loadDemoFiles(dir = DEMO_POSTS_DIR): Promise<DemoPlatformFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const files: DemoPlatformFile[] = [];
  const errors: string[] = [];
  for (const name of names) {
    const platform = name.replace(/\.json$/, '');
    let data: unknown;
    try {
      data = JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch (error) {
      errors.push(`${name}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const problems = checkDemoFile(platform, data);
    if (problems.length) errors.push(...problems);
    else files.push({ platform: platform as PlatformId, feeds: (data as { feeds: DemoFeed[] }).feeds });
  }
  if (errors.length) throw new Error(`The demo's posts have problems:\n  ${errors.join('\n  ')}`);
  return files.sort((a, b) => PLATFORM_IDS.indexOf(a.platform) - PLATFORM_IDS.indexOf(b.platform));
}

/** One served page per demo feed of a registered platform, plus a note per platform left out. */
export function demoPages(files: readonly DemoPlatformFile[], registered = registeredPlatforms()): {
  pages: ServedPage[];
  notes: string[];
} {
  const pages: ServedPage[] = [];
  const notes: string[] = [];
  for (const { platform, feeds } of files) {
    if (!registered.has(platform)) {
      notes.push(`${platform}: skipped, no adapter registered yet (utils/platforms/registry.ts)`);
      continue;
    }
    for (const feed of feeds) {
      pages.push({ platform, url: new URL(feed.url).href, html: RENDERERS[platform](feed), source: `${DEMO_POSTS_DIR}/${platform}.json` });
    }
  }
  for (const platform of PLATFORM_IDS) {
    if (registered.has(platform) && !files.some((f) => f.platform === platform)) {
      notes.push(`${platform}: adapter registered but no ${DEMO_POSTS_DIR}/${platform}.json yet`);
    }
  }
  return { pages, notes };
}
