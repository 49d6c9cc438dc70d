import { audienceRef, feedAudience, hashtagAudience, headingText, pathSegments, searchAudience } from './audience';
import { firstMatch, matchesOfFirstFruitfulSelector, neverThrow, outermostOnly, parseHref, safeClosest } from './dom';
import { isSponsoredLabel } from './labels';
import { hashedPostId } from './postIdentity';
import { labelText, visibleText } from './text';
import { isoFromDatetime } from './time';
import type { AudienceRef, ExtractedPost, PlatformAdapter, PostAuthor } from './types';

/**
 * X (and twitter.com). Tweets are `article[data-testid="tweet"]` in virtualised `cellInnerDiv`s that X
 * recycles as you scroll, so the tweet id comes from the status link, never from the element. A quoted
 * tweet sits inside the quoting article (a `div[role="link"]` with its own User-Name and tweetText):
 * everything we read skips it. Older markup (`User-Names`, `article[role="article"]`, `div[lang]`) is kept
 * as fallbacks.
 */
export const SELECTORS = {
  post: [
    '[data-testid="cellInnerDiv"] article[data-testid="tweet"]',
    'article[data-testid="tweet"]',
    'article[role="article"]',
  ],
  text: ['[data-testid="tweetText"]', 'div[lang][dir="auto"]', 'div[lang]'],
  /** Links of the name block: display name, then @handle, then the time link. */
  userNameLink: ['[data-testid="User-Name"] a[href]', '[data-testid="User-Names"] a[href]'],
  /** A quoted tweet or card embedded in the article. */
  quote: ['div[role="link"]'],
  /** "Paul reposted", "Pinned", "Marie liked" above the tweet. */
  socialContext: ['[data-testid="socialContext"]'],
  time: ['time[datetime]'],
  statusLink: ['a[href*="/status/"]'],
  showMore: ['[data-testid="tweet-text-show-more-link"]'],
  /** Ads are wrapped in it (videos of ordinary tweets use it inside the article, which we ignore). */
  placement: ['[data-testid="placementTracking"]'],
  pageHeading: ['[data-testid="primaryColumn"] h2[role="heading"]', 'h2[role="heading"]', 'h1[role="heading"]'],
} as const;

const ORIGIN = 'https://x.com';
const REPOSTED = /(?<!\p{L})(?:reposted|retweeted|a reposté|a retweeté|a republié)(?!\p{L})/iu;
/** First path segments that are X's own pages, not handles. */
const RESERVED = new Set([
  'home', 'explore', 'notifications', 'messages', 'i', 'settings', 'search', 'compose', 'login', 'logout',
  'signup', 'tos', 'privacy', 'jobs', 'hashtag', 'bookmarks', 'account', 'intent', 'share', 'download',
]);
const PROFILE_TABS = new Set(['with_replies', 'media', 'highlights', 'articles']);

function outsideQuote(article: Element) {
  return (el: Element) =>
    !SELECTORS.quote.some((selector) => {
      const quote = safeClosest(el, selector);
      return quote !== null && quote !== article && article.contains(quote);
    });
}

/** "/acme_sas" → author fields; undefined for status, hashtag and X's own pages. */
function authorFromHref(href: string | null): PostAuthor | undefined {
  const url = parseHref(href, ORIGIN);
  const segments = url ? pathSegments(url) : [];
  const handle = segments[0];
  if (!handle || segments.length !== 1 || RESERVED.has(handle.toLowerCase()) || !/^\w{1,50}$/.test(handle)) {
    return undefined;
  }
  return { handle, profileUrl: `${ORIGIN}/${handle}` };
}

function readTweet(article: Element): ExtractedPost | null {
  const own = outsideQuote(article);
  const nameLink = firstMatch(article, SELECTORS.userNameLink, (a) => own(a) && !!authorFromHref(a.getAttribute('href')));
  const author = authorFromHref(nameLink?.getAttribute('href') ?? null);
  if (!nameLink || !author) return null; // a tombstone ("This post is unavailable") or an empty cell
  const name = labelText(nameLink);
  if (name && !name.startsWith('@')) author.name = name;

  const textEl = firstMatch(article, SELECTORS.text, own);
  const text = visibleText(textEl, { skip: SELECTORS.showMore.join(', '), preWrap: true });

  const time = firstMatch(article, SELECTORS.time, own);
  const timeLink = time ? safeClosest(time, 'a[href*="/status/"]') : null;
  const statusLink = timeLink ?? firstMatch(article, SELECTORS.statusLink, own);
  const statusUrl = parseHref(statusLink?.getAttribute('href'), ORIGIN);
  const [statusHandle, , statusId] = statusUrl ? pathSegments(statusUrl) : [];
  const tweetId = statusId && /^\d+$/.test(statusId) ? statusId : undefined;

  const context = firstMatch(article, SELECTORS.socialContext, own);
  let repost: ExtractedPost['repost'];
  if (context && REPOSTED.test(labelText(context))) {
    const byLink = safeClosest(context, 'a[href]');
    const by: PostAuthor = { ...authorFromHref(byLink?.getAttribute('href') ?? null) };
    const byName = labelText(context).replace(REPOSTED, '').trim();
    if (byName && byName.toLowerCase() !== 'you' && byName.toLowerCase() !== 'vous') by.name = byName;
    repost = { by, originalAuthor: author };
  }

  const sponsored =
    SELECTORS.placement.some((selector) => {
      const wrapper = safeClosest(article, selector);
      return wrapper !== null && wrapper !== article;
    }) ||
    Array.from(article.querySelectorAll('span')).some(
      (span) =>
        span.children.length === 0 && own(span) && !(textEl && textEl.contains(span)) && isSponsoredLabel(labelText(span)),
    );

  const truncated = firstMatch(article, SELECTORS.showMore, own) !== null;

  const post: ExtractedPost = {
    platform: 'x',
    id: tweetId ?? hashedPostId(author.handle ?? '', text),
    author,
    text,
    sponsored,
    truncated,
  };
  const postedAt = isoFromDatetime(time?.getAttribute('datetime'));
  if (postedAt) post.postedAt = postedAt;
  if (tweetId) post.permalink = `${ORIGIN}/${statusHandle}/status/${tweetId}`;
  if (repost) post.repost = repost;
  return post;
}

function isXFeedUrl(url: URL): boolean {
  const [first, second, third] = pathSegments(url);
  if (!first) return false;
  if (first === 'home') return true;
  if (first === 'search') return !!url.searchParams.get('q');
  if (first === 'hashtag') return !!second;
  if (first === 'i') return (second === 'lists' || second === 'communities') && !!third && third !== 'suggested';
  if (RESERVED.has(first.toLowerCase())) return false;
  return second === undefined || PROFILE_TABS.has(second);
}

function xAudienceFor(url: URL, doc: Document): AudienceRef {
  const [first, second, third] = pathSegments(url);
  const heading = () => headingText(doc, SELECTORS.pageHeading);
  if (first === 'hashtag' && second) return hashtagAudience('x', second);
  if (first === 'search') {
    const query = (url.searchParams.get('q') ?? '').trim();
    if (/^#[\p{L}\p{N}_]+$/u.test(query)) return hashtagAudience('x', query);
    if (query) return searchAudience('x', query);
  }
  if (first === 'i' && second === 'lists' && third) return audienceRef('x', 'list', [third], `List: ${heading() ?? third}`);
  if (first === 'i' && second === 'communities' && third) return audienceRef('x', 'group', [third], heading() ?? third);
  if (first && first !== 'home' && !RESERVED.has(first.toLowerCase())) return audienceRef('x', 'profile', [first], `@${first}`);
  return feedAudience('x');
}

export const xAdapter: PlatformAdapter = {
  id: 'x',
  isFeedUrl: isXFeedUrl,
  audienceFor: xAudienceFor,
  findPosts: (root) => outermostOnly(matchesOfFirstFruitfulSelector(root, SELECTORS.post)),
  readPost: neverThrow(readTweet),
};
