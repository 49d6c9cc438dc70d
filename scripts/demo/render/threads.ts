/**
 * Threads: each post is a `[data-pressable-container]` with the author's /@<user> links, the post's
 * /@<user>/post/<code> link around a `time[datetime]`, and the text in spans; ads say "Sponsored", a
 * repost names who reposted it above the author.
 */
import type { DemoFeed, DemoPost } from '../feedData';
import { avatar, COMMON_CSS, esc, htmlPage, paragraphs, postedAt, relativeTime, stableCode } from './html';

const CSS = `${COMMON_CSS}
body{margin:0;background:#fafafa;color:#000;font:15px/21px -apple-system,system-ui,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
.h0{position:sticky;top:0;z-index:2;background:#fafafa;text-align:center;font-weight:700;padding:18px}
main{width:620px;margin:0 auto;background:#fff;border:1px solid #e5e5e5;border-radius:24px;padding-bottom:600px}
[data-pressable-container]{display:flex;gap:12px;padding:12px 24px;border-bottom:1px solid #e5e5e5}
.c1{flex:1;min-width:0}.c2{display:flex;gap:6px;align-items:center}.c2 a{color:inherit;text-decoration:none}.c2 .u{font-weight:600}
.c2 .t,.c0{color:#999}.c0{font-size:13px;padding-bottom:4px}.c0 a{color:inherit;text-decoration:none}
.c3 span{display:block;margin:2px 0 8px}.c4{display:flex;gap:28px;color:#424242}
`;

function post(p: DemoPost, i: number, feed: DemoFeed): string {
  const fr = feed.lang === 'fr';
  const code = stableCode(`${feed.url}#${i}`, 11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
  const when = p.sponsored
    ? `<span class="t">${fr ? 'Sponsorisé' : 'Sponsored'}</span>`
    : `<a href="/@${p.handle}/post/${code}" role="link"><span class="t"><time datetime="${postedAt(i)}" title="${esc(postedAt(i).slice(0, 10))}">${esc(p.time ?? relativeTime(i, feed.lang))}</time></span></a>`;
  const repost = p.repostedBy
    ? `<div class="c0">🔁 <a href="/@${p.repostedBy.handle}">${esc(p.repostedBy.handle)}</a> ${fr ? 'a republié' : 'reposted'}</div>`
    : '';
  return `
<div data-pressable-container="true"><div>${avatar(p.name, 36)}</div>
  <div class="c1">${repost}
    <div class="c2"><a href="/@${p.handle}" role="link"><span class="u">${esc(p.handle)}</span></a>${when}</div>
    <div class="c3"><span dir="auto">${paragraphs(p.text, '<span>', '</span>')}</span></div>
    <div class="c4"><span role="button">♡ ${(i * 17) % 120}</span><span role="button">💬 ${(i * 3) % 19}</span><span role="button">🔁</span><span role="button">➤</span></div>
  </div>
</div>`;
}

export function renderThreads(feed: DemoFeed): string {
  const fr = feed.lang === 'fr';
  const body = `
<div class="h0">${fr ? 'Pour vous' : 'For you'}</div>
<main role="main"><div>${feed.posts.map((p, i) => post(p, i, feed)).join('')}
</div></main>`;
  return htmlPage({ lang: feed.lang, title: feed.title, css: CSS, body });
}
