/**
 * Facebook's "comet" markup (tests/fixtures/facebook/*.html): a `[role="feed"]` of `div[aria-posinset]`
 * stories, the author in `div[data-ad-rendering-role="profile_name"]`, the text in
 * `div[data-ad-rendering-role="story_message"]`. Ads link to /ads/about/ with "Sponsored" scrambled into
 * single letters; a share shows the sharer's byline, then the original post's byline and message.
 */
import type { DemoAuthor, DemoFeed, DemoPost } from '../feedData';
import { avatar, COMMON_CSS, esc, htmlPage, paragraphs, relativeTime, stableNumber } from './html';

const ORIGIN = 'https://www.facebook.com';

const CSS = `${COMMON_CSS}
body{margin:0;background:#f0f2f5;font:15px/1.34 -apple-system,system-ui,"Segoe UI",Helvetica,Arial,sans-serif;color:#050505}
.x1{position:sticky;top:0;z-index:2;background:#fff;height:56px;display:flex;align-items:center;padding:0 16px;box-shadow:0 1px 2px rgba(0,0,0,.1)}
.x1 a{color:#0866ff;font-weight:700;font-size:28px;text-decoration:none}
.x2{width:590px;margin:16px auto 600px}
.x3{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);padding:16px;margin-bottom:16px}
.x3 h1{margin:0;font-size:28px}.x3 h1 a{color:inherit;text-decoration:none}.x3>span{color:#65676b}
.x4{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);margin-bottom:16px;padding:12px 16px 4px}
.x5{display:flex;gap:8px;align-items:center}.x5 h4,.x5 h5{margin:0;font-size:15px}.x5 a{color:inherit;text-decoration:none}
.x6{font-size:13px;color:#65676b}.x6 a{color:inherit;text-decoration:none}
.x7{margin:12px 0}.x7 div[dir]{margin:0 0 6px}
.x8{border:1px solid #ced0d4;border-radius:8px;padding:12px;margin:10px 0}
.x9{display:flex;justify-content:space-around;border-top:1px solid #ced0d4;margin-top:8px}
.x9 div{color:#65676b;font-weight:600;padding:8px;cursor:pointer}
`;

const SCRAMBLED_SPONSORED = [...'Sponsored']
  .map((c, i) => `<span>${c}</span>${i === 2 ? '<span style="position:absolute;top:3em">q</span>' : ''}`)
  .join('');

function authorHref(a: DemoAuthor, group: string | undefined, org: boolean | undefined): string {
  if (group && !org) return `${ORIGIN}/groups/${group}/user/${stableNumber(a.handle, 15)}/?__cft__[0]=AZdemo&amp;__tn__=-UC%2CP-R`;
  return `${ORIGIN}/${encodeURIComponent(a.handle)}?__cft__[0]=AZdemo&amp;__tn__=-UC%2CP-R`;
}

function byline(a: DemoAuthor, org: boolean | undefined, group: string | undefined, tag: 'h4' | 'h5', when: string): string {
  return `
    <div class="x5">${avatar(a.name, tag === 'h4' ? 40 : 32)}<div>
      <div data-ad-rendering-role="profile_name"><${tag}><span><span><a href="${authorHref(a, group, org)}" role="link" tabindex="0"><strong><span>${esc(a.name)}</span></strong></a></span></span></${tag}></div>
      <div class="x6"><span dir="auto">${when}<span aria-hidden="true"> · </span><svg viewBox="0 0 16 16" width="12" height="12"><title>Shared with Public</title></svg></span></div>
    </div></div>`;
}

function timeLink(label: string, href: string): string {
  const letters = label.replace(/\s+/g, ' ').split('').map((c) => (c === ' ' ? '<span> </span>' : `<span>${esc(c)}</span>`)).join('');
  return `<a aria-label="${esc(label)}" href="${href}" role="link" tabindex="0"><span>${letters}</span></a>`;
}

function message(text: string): string {
  return `<div data-ad-rendering-role="story_message"><div data-ad-comet-preview="message" data-ad-preview="message">${paragraphs(text, '<div dir="auto" style="text-align:start">', '</div>')}</div></div>`;
}

function story(p: DemoPost, i: number, feed: DemoFeed, group: string | undefined): string {
  const fr = feed.lang === 'fr';
  const label = p.time ?? relativeTime(i, feed.lang, false);
  // Facebook fills most permalinks only on hover: one story in three shows one.
  const href = group && i % 3 === 0 ? `${ORIGIN}/groups/${group}/posts/${stableNumber(`${group}${i}`, 16)}/?__cft__[0]=AZdemo` : '#';
  const when = p.sponsored
    ? `<a href="${ORIGIN}/ads/about/?entry_product=ad_preferences" role="link" tabindex="0"><span style="position:relative">${SCRAMBLED_SPONSORED}</span></a>`
    : timeLink(label, href);
  const body = p.repostedBy
    ? `${byline(p.repostedBy, false, group, 'h4', timeLink(label, '#'))}<div></div>
      <div class="x8">${byline(p, p.org, undefined, 'h5', timeLink(relativeTime(i + 20, feed.lang, false), '#'))}<div class="x7">${message(p.text)}</div></div>`
    : `${byline(p, p.org, group, 'h4', when)}<div class="x7">${message(p.text)}</div>`;
  return `
<div aria-posinset="${i + 1}" aria-setsize="-1" class="x4" tabindex="-1"><div><div>${body}
  ${p.sponsored ? `<div><a href="https://www.example.com/" role="link"><span>${fr ? 'En savoir plus' : 'Learn more'}</span></a></div>` : ''}
  <div class="x9"><div aria-label="${fr ? 'J’aime' : 'Like'}" role="button" tabindex="0"><span>${fr ? 'J’aime' : 'Like'}</span></div><div aria-label="${fr ? 'Commenter' : 'Leave a comment'}" role="button" tabindex="0"><span>${fr ? 'Commenter' : 'Comment'}</span></div><div role="button" tabindex="0"><span>${fr ? 'Partager' : 'Share'}</span></div></div>
</div></div></div>`;
}

export function renderFacebook(feed: DemoFeed): string {
  const group = /\/groups\/([^/]+)\//.exec(feed.url)?.[1];
  const header = group
    ? `<div class="x3"><h1><span dir="auto"><a href="${ORIGIN}/groups/${group}/" role="link" tabindex="0">${esc(feed.heading ?? group)}</a></span></h1><span dir="auto">${esc(feed.subheading ?? '')}</span></div>`
    : `<h3 dir="auto" style="position:absolute;left:-9999px">${feed.lang === 'fr' ? 'Publications du fil d’actualité' : 'News Feed posts'}</h3>`;
  const body = `
<div role="banner" class="x1"><a aria-label="Facebook" href="/" role="link">facebook</a></div>
<div role="main" class="x2">${header}
  <div role="feed">${feed.posts.map((p, i) => story(p, i, feed, group)).join('')}
  </div>
</div>`;
  return htmlPage({ lang: feed.lang, title: feed.title, css: CSS, body, htmlAttrs: 'id="facebook"' });
}
