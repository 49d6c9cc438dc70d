/**
 * Instagram's home feed: one `<article>` per post with the author's /<username>/ links, the post's
 * /p/<code>/ link around a `time[datetime]`, and the caption after the picture (the username, then the
 * text). Ads say "Sponsored" where the time would be; a repost names who reposted it above the author,
 * without a link (the first profile link of an article is its author's).
 */
import type { DemoFeed, DemoPost } from '../feedData';
import { avatar, COMMON_CSS, esc, htmlPage, postedAt, relativeTime, stableCode, withBreaks } from './html';

const CSS = `${COMMON_CSS}
body{margin:0;background:#fff;color:#000;font:14px/18px -apple-system,system-ui,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
nav{position:fixed;left:0;top:0;bottom:0;width:220px;border-right:1px solid #dbdbdb;padding:24px;font:italic 600 26px Georgia,serif}
main{margin-left:260px;padding-bottom:600px}
.i0{width:470px;margin:0 auto}
article{border-bottom:1px solid #dbdbdb;padding-bottom:16px;margin-bottom:12px}
.i1{display:flex;gap:10px;align-items:center;padding:12px 0}.i1 a{color:inherit;text-decoration:none;font-weight:600}.i1 .s{color:#737373}
.i2{font-size:12px;color:#737373;padding-top:10px}
.i3{display:flex;gap:16px;font-size:22px;padding:8px 0}
.i4 a{color:inherit;text-decoration:none;font-weight:600}
`;

/** An empty SVG: the picture's gradient comes from CSS and no request leaves the page. */
const BLANK_PICTURE = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";

function post(p: DemoPost, i: number, feed: DemoFeed): string {
  const fr = feed.lang === 'fr';
  const code = stableCode(`${feed.url}#${i}`, 11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
  const when = p.sponsored
    ? `<span class="s">${fr ? 'Sponsorisé' : 'Sponsored'}</span>`
    : `<span class="s">•</span><a href="/p/${code}/" role="link" tabindex="0"><span class="s"><time datetime="${postedAt(i)}" title="${esc(postedAt(i).slice(0, 10))}">${esc(p.time ?? relativeTime(i, feed.lang))}</time></span></a>`;
  const repost = p.repostedBy
    ? `<div class="i2"><span>${esc(p.repostedBy.handle)} ${fr ? 'a republié' : 'reposted'}</span></div>`
    : '';
  return `
<article>${repost}
  <div><div class="i1">${avatar(p.name, 32)}<span><a href="/${p.handle}/" role="link" tabindex="0">${esc(p.handle)}</a></span>${when}</div></div>
  <div><div role="button" tabindex="0"><img class="dm-picture" alt="${fr ? 'Photo de' : 'Photo by'} ${esc(p.name)}" src="${BLANK_PICTURE}"></div></div>
  <section class="i3"><span role="button">♡</span><span role="button">💬</span><span role="button">➤</span></section>
  <section><span>${(i * 43) % 900 + 12} ${fr ? 'J’aime' : 'likes'}</span></section>
  <div class="i4"><span><a href="/${p.handle}/" role="link">${esc(p.handle)}</a></span> <span dir="auto">${withBreaks(p.text)}</span></div>
</article>`;
}

export function renderInstagram(feed: DemoFeed): string {
  const body = `
<div id="mount"><nav role="navigation">Instagram</nav>
<main role="main"><div class="i0">${feed.posts.map((p, i) => post(p, i, feed)).join('')}
</div></main></div>`;
  return htmlPage({ lang: feed.lang, title: feed.title, css: CSS, body });
}
