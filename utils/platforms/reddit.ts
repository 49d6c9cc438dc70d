import { audienceRef, feedAudience, headingText, pathSegments, searchAudience } from './audience';
import { firstMatch, matchesOfFirstFruitfulSelector, neverThrow, outermostOnly, parseHref, safeMatches } from './dom';
import { isLineClamped } from './labels';
import { hashedPostId } from './postIdentity';
import { labelText, visibleText } from './text';
import { isoFromDatetime, isoFromEpochMs } from './time';
import type { AudienceRef, ExtractedPost, PlatformAdapter, PostAuthor } from './types';

/**
 * Reddit. The current site renders each post as a `shreddit-post` custom element whose attributes hold
 * the id, author, title, permalink and time; ads are `shreddit-ad-post`. Users who chose the old
 * design get old-Reddit markup at www.reddit.com: `div.thing[data-fullname^="t3_"]` with data-*
 * attributes, where comments (`t1_`) sit beside posts on profile pages. A post's text is its title,
 * then its body when the page shows one.
 */
export const SELECTORS = {
  post: ['shreddit-post, shreddit-ad-post', 'div.thing[data-fullname^="t3_"]'],
  /** Post body: the feed preview, then the full body on post pages, then old Reddit's expanded self-text. */
  body: [
    '[slot="text-body"]',
    'shreddit-post-text-body',
    '[id$="-post-rtjson-content"]',
    '.expando .usertext-body .md',
  ],
  title: ['[slot="title"]', 'a[id^="post-title-"]', 'a.title', 'p.title a'],
  /** Old Reddit tagline links. */
  oldAuthor: ['.tagline a.author'],
  time: ['faceplate-timeago[ts]', 'time[datetime]'],
  ad: ['shreddit-ad-post'],
  pageHeading: ['shreddit-subreddit-header h1', 'h1', '.redditname a', '.pagename a'],
} as const;

const ORIGIN = 'https://www.reddit.com';
/** Listing paths of the front page. */
const FRONT_PAGE_SORTS = new Set(['best', 'hot', 'new', 'top', 'rising']);

function attr(el: Element, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = el.getAttribute(name);
    if (value !== null && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function authorFromName(name: string | undefined): PostAuthor | undefined {
  if (!name || name === '[deleted]') return undefined;
  const handle = name.replace(/^u\//, '');
  return { name: handle, handle, profileUrl: `${ORIGIN}/user/${encodeURIComponent(handle)}/` };
}

function readRedditPost(post: Element): ExtractedPost | null {
  const old = safeMatches(post, 'div.thing');
  const fullname = old ? attr(post, 'data-fullname') : attr(post, 'id', 'thingid');
  const author = authorFromName(
    old ? attr(post, 'data-author') ?? labelText(firstMatch(post, SELECTORS.oldAuthor)) : attr(post, 'author'),
  );
  if (!author) return null; // a removed post or an unfilled placeholder

  const titleEl = firstMatch(post, SELECTORS.title);
  const title = (old ? undefined : attr(post, 'post-title')) ?? labelText(titleEl);
  const bodyEl = firstMatch(post, SELECTORS.body);
  const body = visibleText(bodyEl);
  const text = [title, body].filter(Boolean).join('\n\n');
  if (!title && !body) return null;

  const clampedBox = bodyEl ? [bodyEl, ...Array.from(bodyEl.querySelectorAll('*'))] : [];
  const truncated = clampedBox.some(
    (el) => isLineClamped(el) || /(?:^|\s)line-clamp-\d/.test(el.getAttribute('class') ?? ''),
  );

  const sponsored =
    SELECTORS.ad.some((selector) => safeMatches(post, selector)) ||
    post.hasAttribute('promoted') ||
    attr(post, 'data-promoted') === 'true';

  const timeEl = firstMatch(post, SELECTORS.time);
  const postedAt = old
    ? isoFromEpochMs(attr(post, 'data-timestamp')) ?? isoFromDatetime(timeEl?.getAttribute('datetime'))
    : isoFromDatetime(attr(post, 'created-timestamp') ?? timeEl?.getAttribute('ts') ?? timeEl?.getAttribute('datetime'));

  const permalinkPath = attr(post, 'permalink', 'data-permalink');
  const permalink = parseHref(permalinkPath, ORIGIN);

  const result: ExtractedPost = {
    platform: 'reddit',
    id: fullname && /^t3_\w+$/.test(fullname) ? fullname : hashedPostId(author.handle ?? '', text),
    author,
    text,
    sponsored,
    truncated,
  };
  if (postedAt) result.postedAt = postedAt;
  if (permalink && permalink.hostname.endsWith('reddit.com')) result.permalink = `${ORIGIN}${permalink.pathname}`;
  return result;
}

function isRedditFeedUrl(url: URL): boolean {
  const [first, second, third, fourth] = pathSegments(url);
  if (!first || FRONT_PAGE_SORTS.has(first)) return true;
  if (first === 'search') return !!url.searchParams.get('q');
  if (first === 'r' && second) {
    if (third === undefined || FRONT_PAGE_SORTS.has(third)) return true;
    return third === 'search' && !!url.searchParams.get('q');
  }
  if ((first === 'user' || first === 'u') && second) {
    if (third === undefined || third === 'submitted' || third === 'overview') return true;
    return third === 'm' && fourth !== undefined;
  }
  return false;
}

function redditAudienceFor(url: URL, doc: Document): AudienceRef {
  const [first, second, third, fourth] = pathSegments(url);
  if (first === 'search' || (first === 'r' && third === 'search')) {
    const query = url.searchParams.get('q');
    if (query) return searchAudience('reddit', query);
  }
  if (first === 'r' && second) {
    const sub = second.toLowerCase();
    const heading = headingText(doc, SELECTORS.pageHeading);
    // The heading keeps the community's own capitals ("r/AskFrance"); the URL may not.
    const shown = heading && heading.replace(/^r\//i, '').toLowerCase() === sub ? heading.replace(/^r\//i, '') : second;
    if (sub === 'popular' || sub === 'all') return audienceRef('reddit', 'feed', [sub], `r/${shown}`);
    return audienceRef('reddit', 'group', [sub], `r/${shown}`);
  }
  if ((first === 'user' || first === 'u') && second) {
    if (third === 'm' && fourth) return audienceRef('reddit', 'list', [second, fourth], `Custom feed: ${fourth}`);
    return audienceRef('reddit', 'profile', [second], `u/${second}`);
  }
  return feedAudience('reddit');
}

export const redditAdapter: PlatformAdapter = {
  id: 'reddit',
  isFeedUrl: isRedditFeedUrl,
  audienceFor: redditAudienceFor,
  findPosts: (root) => outermostOnly(matchesOfFirstFruitfulSelector(root, SELECTORS.post)),
  readPost: neverThrow(readRedditPost),
};
