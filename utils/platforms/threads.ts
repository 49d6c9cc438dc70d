import { audienceRef, feedAudience, hashtagAudience, headingText, pathSegments, searchAudience } from './audience';
import { firstMatch, matchesOfAnySelector, neverThrow, outermostOnly, parseHref, precedes, safeClosest } from './dom';
import { isSeeMoreLabel, isSponsoredLabel } from './labels';
import { hashedPostId } from './postIdentity';
import { labelText, visibleText } from './text';
import { isoFromDatetime } from './time';
import type { AudienceRef, ExtractedPost, PlatformAdapter, PostAuthor } from './types';

/**
 * Threads (threads.com, formerly threads.net). Posts are `[data-pressable-container]`; nothing else in
 * a post is labelled, so the text is the first dir="auto" span after the post's own time link that is
 * not a link, a control or a label. When the pressable attribute disappears, the fallback finds each
 * post from its permalink (`/@user/post/CODE` around a <time>) and climbs to the largest box that holds
 * no other permalink.
 */
export const SELECTORS = {
  post: ['[data-pressable-container]'],
  /** Fallback anchor of a post: its permalink, which wraps its time. */
  permalinkTime: ['a[href*="/post/"] time[datetime]'],
  /** Fallback end of a post: the icon buttons of its menu and action bar. */
  iconButton: '[role="button"] svg[aria-label]',
  text: ['span[dir="auto"]'],
  /** Never the text: links, controls, times. */
  notText: ['a', '[role="button"]', 'button', 'time'],
  profileLink: ['a[href^="/@"]', 'a[href^="https://www.threads.com/@"]', 'a[href^="https://www.threads.net/@"]'],
  pageHeading: ['h1', '[role="heading"]'],
} as const;

const ORIGIN = 'https://www.threads.com';
const REPOSTED = /(?<!\p{L})(?:reposted|a republié|a reposté)$/iu;
const NOT_TEXT_LABEL = /^(?:suggested for you|suggestions pour vous|translate|traduire|see translation|voir la traduction)$/i;

function userOfHref(href: string | null | undefined): string | undefined {
  const url = parseHref(href, ORIGIN);
  if (!url || !/(^|\.)threads\.(?:com|net)$/.test(url.hostname)) return undefined;
  const [first] = pathSegments(url);
  return first?.startsWith('@') && first.length > 1 ? first.slice(1) : undefined;
}

function postOfHref(href: string | null | undefined): { user: string; code: string } | undefined {
  const url = parseHref(href, ORIGIN);
  if (!url) return undefined;
  const [first, second, code] = pathSegments(url);
  const user = userOfHref(href);
  return user && first && second === 'post' && code ? { user, code } : undefined;
}

function readThreadsPost(container: Element): ExtractedPost | null {
  // A quoted post is a pressable container inside this one: nothing of it is ours.
  const own = (el: Element) => {
    const box = safeClosest(el, '[data-pressable-container]');
    return box === null || box === container || !container.contains(box);
  };
  const permalink = Array.from(container.querySelectorAll('a[href*="/post/"]')).find(
    (a) => own(a) && a.querySelector('time[datetime]') !== null && postOfHref(a.getAttribute('href')),
  );
  const target = postOfHref(permalink?.getAttribute('href'));

  // The repost line ("paul.martin reposted") sits above the author's name.
  const repostLine = Array.from(container.querySelectorAll('div, span')).find(
    (el) =>
      own(el) && (!permalink || (precedes(el, permalink) && !el.contains(permalink))) && REPOSTED.test(labelText(el)),
  );
  const authorLink = matchesOfAnySelector(container, SELECTORS.profileLink).find(
    (a) =>
      own(a) &&
      !(repostLine && repostLine.contains(a)) &&
      (!target || userOfHref(a.getAttribute('href')) === target.user) &&
      userOfHref(a.getAttribute('href')) !== undefined,
  );
  const handle = target?.user ?? userOfHref(authorLink?.getAttribute('href'));
  if (!authorLink || !handle) return null; // a composer, an empty box
  const author: PostAuthor = { handle, profileUrl: `${ORIGIN}/@${handle}` };

  const sponsoredLabel = Array.from(container.querySelectorAll('span, a')).find(
    (el) => own(el) && el.children.length === 0 && isSponsoredLabel(labelText(el)),
  );
  // Without a permalink only an ad is a post ("Suggested for you" rows link to profiles too).
  if (!target && !sponsoredLabel) return null;

  // In the fallback a quoted post shares our container; its permalink (around its own time) starts it,
  // and nothing from there on is our text, even when we have none (tests/fuzz/adapters.fuzz.test.ts).
  const quoteStart = Array.from(container.querySelectorAll('a[href*="/post/"]')).find(
    (a) =>
      own(a) &&
      a !== permalink &&
      a.querySelector('time[datetime]') !== null &&
      postOfHref(a.getAttribute('href'))?.code !== target?.code &&
      (!permalink || precedes(permalink, a)),
  );
  const textEl = firstMatch(
    container,
    SELECTORS.text,
    (span) =>
      own(span) &&
      precedes(permalink ?? authorLink, span) &&
      (!quoteStart || precedes(span, quoteStart)) &&
      !SELECTORS.notText.some((selector) => {
        const match = safeClosest(span, selector);
        return match !== null && container.contains(match);
      }) &&
      !safeClosest(span.parentElement ?? span, 'span[dir="auto"]') &&
      labelText(span) !== '' &&
      !isSponsoredLabel(labelText(span)) &&
      !NOT_TEXT_LABEL.test(labelText(span)),
  );
  const text = visibleText(textEl);

  let repost: ExtractedPost['repost'];
  if (repostLine) {
    const byHandle = userOfHref(repostLine.querySelector('a[href]')?.getAttribute('href'));
    repost = { by: byHandle ? { handle: byHandle, profileUrl: `${ORIGIN}/@${byHandle}` } : {}, originalAuthor: author };
  }

  const sponsored = sponsoredLabel !== undefined && !(textEl && textEl.contains(sponsoredLabel));
  const truncated = Array.from(container.querySelectorAll('[role="button"], button')).some(
    (b) => own(b) && isSeeMoreLabel(labelText(b)),
  );

  const post: ExtractedPost = {
    platform: 'threads',
    id: target?.code ?? hashedPostId(handle, text),
    author,
    text,
    sponsored,
    truncated,
  };
  if (target) post.permalink = `${ORIGIN}/@${target.user}/post/${target.code}`;
  const postedAt = isoFromDatetime(permalink?.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (postedAt) post.postedAt = postedAt;
  if (repost) post.repost = repost;
  return post;
}

/**
 * Fallback: from each permalink's <time>, climb to the first box that holds an action bar (three or more
 * icon buttons: More, Like, Reply, Repost…). A quoted post has no action bar of its own, so its time
 * climbs to the quoting post's box and the two collapse into one container.
 */
function containersFromPermalinks(root: ParentNode): Element[] {
  const hasActionBar = (el: Element) => el.querySelectorAll(SELECTORS.iconButton).length >= 3;
  const climb = (time: Element, stopBelow: (parent: Element) => boolean) => {
    let box: Element = time;
    while (
      !hasActionBar(box) &&
      box.parentElement &&
      box.parentElement !== root &&
      box.parentElement.tagName !== 'BODY' &&
      !stopBelow(box.parentElement)
    ) {
      box = box.parentElement;
    }
    return box;
  };
  const times = matchesOfAnySelector(root, SELECTORS.permalinkTime);
  const boxes = times.map((time) => climb(time, () => false));
  // A post whose action bar is missing climbs past its own box to one holding other posts (the whole
  // feed), which would hide them all (tests/fuzz/adapters.fuzz.test.ts): it stops below the other posts.
  const settled = boxes.map((box, i) => {
    const time = times[i] as Element;
    const others = boxes.filter((other) => other !== box && box.contains(other) && !other.contains(time));
    return others.length === 0 ? box : climb(time, (parent) => others.some((other) => parent.contains(other)));
  });
  return outermostOnly(Array.from(new Set(settled)));
}

function findThreadsPosts(root: ParentNode): Element[] {
  const pressable = outermostOnly(matchesOfAnySelector(root, SELECTORS.post));
  return pressable.length > 0 ? pressable : containersFromPermalinks(root);
}

function isThreadsFeedUrl(url: URL): boolean {
  const [first, second] = pathSegments(url);
  if (!first) return true;
  if (first === 'search') return !!url.searchParams.get('q');
  if (first === 'custom_feed') return second !== undefined;
  if (first.startsWith('@')) return second === undefined || second === 'replies' || second === 'reposts';
  return false;
}

function threadsAudienceFor(url: URL, doc: Document): AudienceRef {
  const [first, second] = pathSegments(url);
  if (first === 'search') {
    const query = (url.searchParams.get('q') ?? '').trim();
    if (query && (url.searchParams.get('serp_type') === 'tags' || query.startsWith('#'))) return hashtagAudience('threads', query);
    if (query) return searchAudience('threads', query);
  }
  if (first === 'custom_feed' && second) {
    return audienceRef('threads', 'list', [second], `Feed: ${headingText(doc, SELECTORS.pageHeading) ?? second}`);
  }
  if (first?.startsWith('@') && first.length > 1) return audienceRef('threads', 'profile', [first.slice(1)], first);
  return feedAudience('threads');
}

export const threadsAdapter: PlatformAdapter = {
  id: 'threads',
  isFeedUrl: isThreadsFeedUrl,
  audienceFor: threadsAudienceFor,
  findPosts: findThreadsPosts,
  readPost: neverThrow(readThreadsPost),
};
