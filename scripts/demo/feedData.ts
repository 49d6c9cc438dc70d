/**
 * The demo's posts, stored as data in demo/posts/<platform>.json (one file per platform, one or more
 * pages each), and the checks that keep a hand-edited file honest before it is rendered.
 * Every author, organisation and event in those files is invented for the demo.
 */
import { isPlatformId, type PlatformId } from '../../utils/platforms/catalog';

export interface DemoAuthor {
  /** Display name ("Claire Dumont", "Atelier Nordique"). */
  name: string;
  /** Slug or handle without @ ("claire-dumont-4b1e2a", "atelier_nordique", "claire.bsky.social"). */
  handle: string;
}

export interface DemoPost extends DemoAuthor {
  /** An organisation's page rather than a person (LinkedIn /company/, Facebook page…). */
  org?: boolean;
  /** The line under the name: a headline, a job, a follower count. */
  about?: string;
  /** Relative time as the site prints it ("2h", "3 j"). */
  time?: string;
  /** Reddit: the post's title (the body is `text`). */
  title?: string;
  /** The post's text; "\n" starts a new line, "\n\n" a new paragraph. */
  text: string;
  lang?: 'fr' | 'en';
  /** An ad: the extension must leave it out. */
  sponsored?: boolean;
  /** A repost / share / boost by this person; `name`/`handle` then name the original author. */
  repostedBy?: DemoAuthor;
}

export interface DemoFeed {
  /** The real URL the page is served at. */
  url: string;
  /** <title> of the page. */
  title: string;
  /** Group, page or hashtag heading shown above the posts, when the site shows one. */
  heading?: string;
  /** A line under the heading ("Groupe public · 4,2 k membres"). */
  subheading?: string;
  /** Language of the site's interface on this page. */
  lang: 'fr' | 'en';
  posts: DemoPost[];
}

export interface DemoPlatformFile {
  platform: PlatformId;
  feeds: DemoFeed[];
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function checkAuthor(value: unknown, where: string, errors: string[]): void {
  const a = value as Partial<DemoAuthor> | null;
  if (typeof a !== 'object' || a === null) return void errors.push(`${where}: expected an object`);
  if (!isString(a.name)) errors.push(`${where}: "name" is missing`);
  if (!isString(a.handle)) errors.push(`${where}: "handle" is missing`);
}

/** Checks one demo/posts/<platform>.json; returns the problems found (none: the data is usable). */
export function checkDemoFile(platform: string, data: unknown): string[] {
  const errors: string[] = [];
  if (!isPlatformId(platform)) return [`${platform}.json: "${platform}" is not a platform of utils/platforms/catalog.ts`];
  const feeds = (data as { feeds?: unknown } | null)?.feeds;
  if (!Array.isArray(feeds) || feeds.length === 0) return [`${platform}.json: expected {"feeds": [ … ]}`];
  feeds.forEach((feed: Partial<DemoFeed>, f) => {
    const where = `${platform}.json feeds[${f}]`;
    if (!isString(feed.url) || !feed.url.startsWith('https://')) errors.push(`${where}: "url" must be an https URL`);
    if (!isString(feed.title)) errors.push(`${where}: "title" is missing`);
    if (feed.lang !== 'fr' && feed.lang !== 'en') errors.push(`${where}: "lang" must be "fr" or "en"`);
    if (!Array.isArray(feed.posts) || feed.posts.length === 0) return void errors.push(`${where}: "posts" is empty`);
    feed.posts.forEach((post: DemoPost, p) => {
      checkAuthor(post, `${where}.posts[${p}]`, errors);
      if (typeof post.text !== 'string') errors.push(`${where}.posts[${p}]: "text" is missing`);
      if (post.repostedBy !== undefined) checkAuthor(post.repostedBy, `${where}.posts[${p}].repostedBy`, errors);
    });
  });
  return errors;
}
