/**
 * LinkedIn's 2026 home feed (tests/fixtures/linkedin/home.html): `[data-testid="mainFeed"]` holds one
 * `[role="listitem"]` per post, the author is named by the control-menu button's aria-label, the text
 * sits in `[data-testid="expandable-text-box"]`; ads say "Promoted", reposts "X reposted this".
 */
import type { DemoAuthor, DemoFeed, DemoPost } from '../feedData';
import { avatar, COMMON_CSS, esc, htmlPage, relativeTime, withBreaks } from './html';

const ORIGIN = 'https://www.linkedin.com';
const profileUrl = (a: DemoAuthor, org?: boolean) => `${ORIGIN}/${org ? 'company' : 'in'}/${encodeURIComponent(a.handle)}/`;

const CSS = `${COMMON_CSS}
body{margin:0;background:#f4f2ee;font:14px/1.45 -apple-system,system-ui,"Segoe UI",Roboto,sans-serif;color:rgba(0,0,0,.9)}
.g1{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #e8e8e8;height:52px;display:flex;align-items:center;gap:24px;padding:0 max(16px,calc(50% - 280px))}
.g1 b{background:#0a66c2;color:#fff;border-radius:4px;padding:2px 6px;font-size:20px}.g1 a{color:#666;text-decoration:none}
main{width:560px;margin:24px auto 600px}
.s1{background:#fff;border-radius:8px;box-shadow:0 0 0 1px rgba(0,0,0,.08);padding:12px 16px;margin-bottom:8px}
.s1 button{border:1px solid #0a66c2;color:#0a66c2;background:#fff;border-radius:20px;padding:10px 16px;width:100%;text-align:left}
.p1{background:#fff;border-radius:8px;box-shadow:0 0 0 1px rgba(0,0,0,.08);margin-bottom:8px;padding:12px 16px 4px}
.p2{display:flex;gap:8px;align-items:flex-start}.p2 .m{flex:1}.p2 a{color:inherit;text-decoration:none}
.p3{font-weight:600}.p4{color:rgba(0,0,0,.6);font-size:12px;margin:0}
.p5{color:rgba(0,0,0,.6);font-size:12px;border-bottom:1px solid #e8e8e8;padding-bottom:8px;margin:0 0 8px}.p5 a{color:inherit;font-weight:600}
.p6{margin:12px 0;white-space:normal}
.p7{display:flex;justify-content:space-around;border-top:1px solid #e8e8e8;margin-top:8px}
.p7 button,.mn{background:none;border:0;color:rgba(0,0,0,.6);font-weight:600;padding:12px 8px;cursor:pointer}
`;

function post(p: DemoPost, i: number, lang: 'fr' | 'en'): string {
  const fr = lang === 'fr';
  const repost = p.repostedBy
    ? `<p class="p5"><a href="${profileUrl(p.repostedBy)}">${esc(p.repostedBy.name)}</a> ${fr ? 'a republié ceci' : 'reposted this'}</p>`
    : '';
  const when = p.sponsored ? (fr ? 'Promu' : 'Promoted') : `${p.time ?? relativeTime(i, lang)} • 🌐`;
  const menu = fr ? `Ouvrir le menu de commande pour la publication de ${p.name}` : `Open control menu for post by ${p.name}`;
  return `
<div role="listitem" class="p1" componentkey="FeedType_MAIN_FEED_RELEVANCE_demo${i}">
  ${repost}
  <div class="p2">
    <a href="${profileUrl(p, p.org)}" aria-label="${esc(p.name)}">${avatar(p.name, 48, !p.org)}</a>
    <div class="m">
      <a href="${profileUrl(p, p.org)}"><p class="p3" style="margin:0"><span>${esc(p.name)}</span></p></a>
      ${p.about ? `<p class="p4">${esc(p.about)}</p>` : ''}
      <p class="p4"><span>${esc(when)}</span></p>
    </div>
    <button class="mn" type="button" aria-label="${esc(menu)}">•••</button>
  </div>
  <p class="p6"><span data-testid="expandable-text-box" dir="ltr">${withBreaks(p.text)}</span></p>
  <div class="p7"><button type="button">${fr ? 'J’aime' : 'Like'}</button><button type="button">${fr ? 'Commenter' : 'Comment'}</button><button type="button">${fr ? 'Republier' : 'Repost'}</button><button type="button">${fr ? 'Envoyer' : 'Send'}</button></div>
</div>`;
}

export function renderLinkedIn(feed: DemoFeed): string {
  const fr = feed.lang === 'fr';
  const body = `
<header class="g1" role="banner"><b>in</b><nav aria-label="Primary Navigation"><a href="${ORIGIN}/feed/">${fr ? 'Accueil' : 'Home'}</a> · <a href="${ORIGIN}/mynetwork/">${fr ? 'Réseau' : 'My Network'}</a> · <a href="${ORIGIN}/jobs/">${fr ? 'Emplois' : 'Jobs'}</a></nav></header>
<main aria-label="${fr ? 'Fil principal' : 'Main Feed'}">
  ${feed.heading ? `<h1>${esc(feed.heading)}</h1>` : `<h1 class="a11y-text" style="position:absolute;left:-9999px">${fr ? 'Fil principal' : 'Main Feed'}</h1>`}
  <div class="s1" role="region" aria-label="${fr ? 'Commencer un post' : 'Start a post'}"><button type="button">${fr ? 'Commencer un post' : 'Start a post'}</button></div>
  <div data-testid="mainFeed" role="list">${feed.posts.map((p, i) => post(p, i, feed.lang)).join('')}
  </div>
</main>`;
  return htmlPage({ lang: feed.lang, title: feed.title, css: CSS, body });
}
