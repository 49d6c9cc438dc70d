import { audienceRef, feedAudience, hashtagAudience, headingText, pathSegments, searchAudience } from './audience';
import { firstMatch, matchesOfFirstFruitfulSelector, neverThrow, outermostOnly, parseHref, safeClosest, safeMatches } from './dom';
import { isSeeMoreLabel } from './labels';
import { hashedPostId } from './postIdentity';
import { labelText, visibleText } from './text';
import { isoFromDatetime } from './time';
import type { AudienceRef, ExtractedPost, PlatformAdapter, PostAuthor } from './types';

/**
 * Mastodon, on any server: recognised by its markup, never by host name. The web app empties articles
 * that scroll off screen (read while visible; an emptied article is not a post). Boosts carry a
 * `.status__prepend`; Mastodon 4.5 quotes nest a second `.status` that we skip. The page's initial-state
 * script holds the user's access token: no selector here may reach it.
 */
export const SELECTORS = {
  post: ['div[role="feed"] article[data-id]', 'article[data-id]', '.status[data-id]'],
  /** The post itself inside an article (the reblogged status for a boost). */
  status: ['.status[data-id]', '.status', '.detailed-status'],
  /** A quoted post nested in the status. */
  quote: ['.status__quote'],
  prepend: ['.status__prepend'],
  text: ['.status__content__text', '.status__content .e-content', '.status__content'],
  /** Content warning: its visible summary and its toggle. */
  warning: ['.content-warning p', '.status__content .p-summary', '.status__content .spoiler-text'],
  warningToggle: ['.content-warning button', 'button.status__content__spoiler-link'],
  authorLink: ['a.status__display-name', 'a.detailed-status__display-name'],
  name: ['.display-name__html', '.display-name strong', 'bdi'],
  account: ['.display-name__account'],
  timeLink: ['a.status__relative-time', 'a.detailed-status__datetime'],
  time: ['time[datetime]'],
  readMore: ['.status__content__read-more-button', 'button.status__content__read-more-button'],
  /** Link previews' hidden URL parts ("https://", the tail after the ellipsis). */
  hiddenText: ['.invisible'],
  pageHeading: ['.column-header__title', 'h1'],
  /** Markup that says "this page is Mastodon" (for the registry). */
  appMarkup: ['#mastodon', 'div[role="feed"] article[data-id] .status', '.status[data-id] .status__content'],
} as const;

const BOOSTED = /(?<!\p{L})(?:boosted|a partagé|a boosté|reblogged)(?!\p{L})/iu;

/** True when `doc` shows Mastodon's web app or public pages, whatever the host. */
export function hasMastodonMarkup(doc: Document): boolean {
  return firstMatch(doc, SELECTORS.appMarkup) !== null;
}

function inQuote(statusEl: Element, el: Element): boolean {
  return SELECTORS.quote.some((selector) => {
    const quote = safeClosest(el, selector);
    return quote !== null && statusEl.contains(quote) && quote !== statusEl;
  });
}

function httpUrl(href: string | null | undefined, el: Element): URL | undefined {
  const base = /^https?:/.test(el.baseURI ?? '') ? el.baseURI : 'https://mastodon.invalid/';
  const url = parseHref(href, base);
  return url && url.hostname !== 'mastodon.invalid' ? url : undefined;
}

/** "/@claire", "/@marie@piaille.example", "https://toot.example/@claire" → "claire", "marie@piaille.example". */
function acctFromHref(href: string | null | undefined): string | undefined {
  const url = parseHref(href, 'https://mastodon.invalid/');
  const first = url ? pathSegments(url)[0] : undefined;
  return first?.startsWith('@') && first.length > 1 ? first.slice(1) : undefined;
}

function authorFrom(link: Element | null, statusEl: Element): PostAuthor | undefined {
  if (!link) return undefined;
  const own = (el: Element) => !inQuote(statusEl, el);
  const account = firstMatch(link, SELECTORS.account, own);
  const profile = httpUrl(link.getAttribute('href'), link);
  const shown = (account ? labelText(account).replace(/^@/, '') : '') || acctFromHref(link.getAttribute('href'));
  // Local accounts show no server ("@claire"); qualify them when the link tells us which server we are on.
  const handle = shown && !shown.includes('@') && profile ? `${shown}@${profile.host}` : shown;
  const nameEl = firstMatch(link, SELECTORS.name, own);
  const name = nameEl ? labelText(nameEl) : '';
  if (!handle && !name) return undefined;
  const author: PostAuthor = {};
  if (name) author.name = name;
  if (handle) author.handle = handle;
  if (profile) author.profileUrl = profile.href;
  return author;
}

function readMastodonStatus(container: Element): ExtractedPost | null {
  const statusEl = safeMatches(container, '.status')
    ? container
    : firstMatch(container, SELECTORS.status, (el) => !inQuote(container, el));
  if (!statusEl) return null; // an article Mastodon emptied off screen
  const own = (el: Element) => !inQuote(statusEl, el);

  const author = authorFrom(firstMatch(statusEl, SELECTORS.authorLink, (a) => own(a) && !safeClosest(a, '.status__prepend')), statusEl);
  if (!author) return null;

  const textEl = firstMatch(statusEl, SELECTORS.text, own);
  const toggle = firstMatch(statusEl, SELECTORS.warningToggle, own);
  const warningEl = firstMatch(statusEl, SELECTORS.warning, own);
  const hiddenByWarning =
    toggle !== null &&
    (toggle.getAttribute('aria-expanded') === 'false' || isSeeMoreLabel(labelText(toggle)));
  const skip = [...SELECTORS.hiddenText, ...SELECTORS.readMore, ...SELECTORS.warningToggle, ...SELECTORS.quote].join(', ');
  // Behind a content warning only the warning is visible: that is the text we record, marked cut.
  const text = hiddenByWarning ? labelText(warningEl) : visibleText(textEl, { skip });

  const timeLink = firstMatch(statusEl, SELECTORS.timeLink, own);
  const time = timeLink ? firstMatch(timeLink, SELECTORS.time) : firstMatch(statusEl, SELECTORS.time, own);
  const timeHref = parseHref(timeLink?.getAttribute('href'), 'https://mastodon.invalid/');
  const statusId =
    statusEl.getAttribute('data-id') ?? (timeHref ? pathSegments(timeHref).pop() : undefined) ?? container.getAttribute('data-id');

  const prepend =
    firstMatch(container, SELECTORS.prepend) ??
    (container.previousElementSibling && SELECTORS.prepend.some((s) => safeMatches(container.previousElementSibling!, s))
      ? container.previousElementSibling
      : null);
  let repost: ExtractedPost['repost'];
  if (prepend && BOOSTED.test(labelText(prepend))) {
    const by = authorFrom(prepend.querySelector('a[href]'), prepend) ?? {};
    repost = { by, originalAuthor: author };
  }

  const truncated = hiddenByWarning || firstMatch(statusEl, SELECTORS.readMore, own) !== null;

  const post: ExtractedPost = {
    platform: 'mastodon',
    id: statusId && /^\d+$/.test(statusId) ? statusId : hashedPostId(author.handle ?? author.name ?? '', text),
    author,
    text,
    sponsored: false,
    truncated,
  };
  const postedAt = isoFromDatetime(time?.getAttribute('datetime'));
  if (postedAt) post.postedAt = postedAt;
  const permalink = httpUrl(timeLink?.getAttribute('href'), timeLink ?? statusEl);
  if (permalink) post.permalink = permalink.href;
  if (repost) post.repost = repost;
  return post;
}

/** Path segments without the advanced interface's /deck prefix. */
function mastodonPath(url: URL): string[] {
  const segments = pathSegments(url);
  return segments[0] === 'deck' ? segments.slice(1) : segments;
}

function isMastodonFeedUrl(url: URL): boolean {
  const [first, second, third] = mastodonPath(url);
  if (!first || first === 'home' || first === 'explore') return true;
  if (first === 'public') return second === undefined || second === 'local' || second === 'remote';
  if (first === 'tags' || first === 'lists') return second !== undefined;
  if (first === 'search') return !!url.searchParams.get('q');
  if (first.startsWith('@')) return second === undefined || ((second === 'with_replies' || second === 'media') && third === undefined);
  return false;
}

function mastodonAudienceFor(url: URL, doc: Document): AudienceRef {
  const [first, second] = mastodonPath(url);
  const host = url.host.toLowerCase();
  if (first === 'tags' && second) return hashtagAudience('mastodon', second);
  if (first === 'lists' && second) {
    return audienceRef('mastodon', 'list', [host, second], `List: ${headingText(doc, SELECTORS.pageHeading) ?? second}`);
  }
  if (first === 'public') {
    const scope = second === 'local' ? 'local' : 'federated';
    return audienceRef('mastodon', 'feed', [scope, host], `${scope === 'local' ? 'Local' : 'Federated'} (${host})`);
  }
  if (first === 'explore') return audienceRef('mastodon', 'feed', ['explore', host], `Explore (${host})`);
  if (first === 'search') {
    const query = url.searchParams.get('q');
    if (query) return searchAudience('mastodon', query);
  }
  if (first?.startsWith('@') && first.length > 1) {
    const acct = first.slice(1).includes('@') ? first.slice(1) : `${first.slice(1)}@${host}`;
    return audienceRef('mastodon', 'profile', [acct], `@${acct}`);
  }
  return feedAudience('mastodon');
}

export const mastodonAdapter: PlatformAdapter = {
  id: 'mastodon',
  isFeedUrl: isMastodonFeedUrl,
  audienceFor: mastodonAudienceFor,
  findPosts: (root) => outermostOnly(matchesOfFirstFruitfulSelector(root, SELECTORS.post)),
  readPost: neverThrow(readMastodonStatus),
};
