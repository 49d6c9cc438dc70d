/**
 * New Reddit ("shreddit"): each post is a `<shreddit-post>` custom element whose attributes carry the
 * author, permalink, `t3_` id, creation time and title; the body sits in its `text-body` slot. Ads are
 * `<shreddit-ad-post>`; a crosspost is a `shreddit-post` with `post-type="crosspost"`.
 */
import type { DemoFeed, DemoPost } from '../feedData';
import { avatar, COMMON_CSS, esc, htmlPage, paragraphs, postedAt, relativeTime, stableCode } from './html';

const CSS = `${COMMON_CSS}
body{margin:0;background:#fff;color:#181c1f;font:14px/1.45 -apple-system,system-ui,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
reddit-header-large{position:sticky;top:0;z-index:2;display:flex;align-items:center;height:56px;padding:0 16px;background:#fff;border-bottom:1px solid #e5ebee;color:#ff4500;font-weight:800;font-size:22px}
main{width:740px;margin:0 auto;padding-bottom:600px}
.r0{display:flex;gap:12px;align-items:center;padding:16px 0}.r0 h1{margin:0;font-size:28px}
shreddit-post,shreddit-ad-post{display:block;border-radius:16px;padding:8px 16px;margin:4px 0}
shreddit-post:hover{background:#f6f8f9}
hr{border:0;border-top:1px solid #e5ebee;margin:0}
.r1{display:flex;gap:6px;align-items:center;color:#576f76;font-size:12px}.r1 a{color:#181c1f;font-weight:600;text-decoration:none}
.r2{display:block;font-size:18px;font-weight:600;color:inherit;text-decoration:none;margin:4px 0}
.r3 p{margin:0 0 8px;color:#2a3c42}
.r4{display:flex;gap:8px}.r4 span{background:#e5ebee;border-radius:20px;padding:4px 12px;font-weight:600;font-size:12px}
.r5{border:1px solid #e5ebee;border-radius:12px;padding:8px 12px}
`;

function body(p: DemoPost): string {
  return p.text ? `<div slot="text-body"><div class="md r3">${paragraphs(p.text, '<p>', '</p>')}</div></div>` : '';
}

function post(p: DemoPost, i: number, feed: DemoFeed, sub: string): string {
  const fr = feed.lang === 'fr';
  const id = stableCode(`${feed.url}#${i}`, 7);
  const title = p.title ?? '';
  if (p.sponsored) {
    return `
<shreddit-ad-post id="t3_${id}" author="${esc(p.handle)}" post-title="${esc(title)}" domain="example.com">
  <div class="r1">${avatar(p.name, 24)}<a href="/user/${p.handle}/">u/${esc(p.handle)}</a> • <span>${fr ? 'Sponsorisé' : 'Promoted'}</span></div>
  <a slot="title" class="r2" href="https://www.example.com/">${esc(title)}</a>${body(p)}
</shreddit-ad-post><hr>`;
  }
  const author = p.repostedBy ? p.repostedBy.handle : p.handle;
  const permalink = `/r/${sub}/comments/${id}/${title.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40)}/`;
  const inner = p.repostedBy
    ? `<div class="r5"><div class="r1"><span>${fr ? 'Crossposté depuis' : 'Crossposted from'} r/${esc(p.about ?? sub)} ${fr ? 'par' : 'by'} <a href="/user/${p.handle}/">u/${esc(p.handle)}</a></span></div><a slot="title" class="r2" href="${permalink}">${esc(title)}</a>${body(p)}</div>`
    : `<a slot="title" class="r2" href="${permalink}">${esc(title)}</a>${body(p)}`;
  return `
<shreddit-post id="t3_${id}" author="${esc(author)}" permalink="${permalink}" created-timestamp="${postedAt(i).replace('Z', '+0000')}" post-title="${esc(title)}" post-type="${p.repostedBy ? 'crosspost' : 'text'}" subreddit-prefixed-name="r/${sub}" comment-count="${(i * 7) % 53}" score="${(i * 37) % 400}">
  <span slot="credit-bar" class="r1">${avatar(author, 24)}<a href="/user/${author}/">u/${esc(author)}</a> • <faceplate-timeago ts="${postedAt(i)}"><time datetime="${postedAt(i)}">${esc(p.time ?? relativeTime(i, feed.lang, false))}</time></faceplate-timeago></span>
  ${inner}
  <div class="r4"><span>⇧ ${(i * 37) % 400} ⇩</span><span>💬 ${(i * 7) % 53}</span><span>${fr ? 'Partager' : 'Share'}</span></div>
</shreddit-post><hr>`;
}

export function renderReddit(feed: DemoFeed): string {
  const sub = /\/r\/([^/]+)/.exec(feed.url)?.[1] ?? 'popular';
  const html = `
<reddit-header-large>reddit</reddit-header-large>
<main id="main-content">
  <div class="r0">${avatar(sub, 64)}<div><h1>${esc(feed.heading ?? `r/${sub}`)}</h1><span>${esc(feed.subheading ?? '')}</span></div></div>
  <shreddit-feed>${feed.posts.map((p, i) => post(p, i, feed, sub)).join('')}
  </shreddit-feed>
</main>`;
  return htmlPage({ lang: feed.lang, title: feed.title, css: CSS, body: html });
}
