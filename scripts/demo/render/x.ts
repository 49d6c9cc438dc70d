/**
 * X (tests/fixtures/x/*.html): `[data-testid="cellInnerDiv"]` cells holding `article[data-testid="tweet"]`,
 * the author in `[data-testid="User-Name"]` links, the tweet id in the time's /status/ link, the text in
 * `[data-testid="tweetText"]` (line breaks as "\n", drawn by pre-wrap). Ads sit in
 * `[data-testid="placementTracking"]` and say "Ad"; reposts carry a `socialContext` line.
 */
import type { DemoFeed, DemoPost } from '../feedData';
import { avatar, COMMON_CSS, esc, htmlPage, postedAt, relativeTime, stableNumber } from './html';

const CSS = `${COMMON_CSS}
body{margin:0;background:#fff;font:15px/1.3 -apple-system,system-ui,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#0f1419}
#react-root{display:flex;justify-content:center}
header[role=banner]{width:88px;border-right:1px solid #eff3f4;font-size:28px;font-weight:700;text-align:center;padding-top:12px}
main{width:600px;border-right:1px solid #eff3f4;padding-bottom:600px}
.t0{position:sticky;top:0;background:rgba(255,255,255,.9);backdrop-filter:blur(8px);border-bottom:1px solid #eff3f4;padding:8px 16px;z-index:2}
.t0 h2{margin:0;font-size:20px}
.t1{display:flex;gap:12px;padding:12px 16px;border-bottom:1px solid #eff3f4}.t1 .b{flex:1;min-width:0}
.t2{display:flex;gap:4px;align-items:baseline;color:#536471}.t2 a{color:inherit;text-decoration:none}.t2 .n{color:#0f1419;font-weight:700}
.t3{white-space:pre-wrap;margin:2px 0 10px}
.t4{display:flex;justify-content:space-between;max-width:425px;color:#536471}.t4 button{background:none;border:0;color:inherit}
.t5{color:#536471;font-size:13px;font-weight:700;padding:0 0 4px 52px}.t5 a{color:inherit;text-decoration:none}
`;

function tweet(p: DemoPost, i: number, feed: DemoFeed): string {
  const fr = feed.lang === 'fr';
  const id = stableNumber(`${feed.url}#${i}`, 19, '20');
  const when = p.sponsored
    ? `<div dir="ltr"><span>${fr ? 'Sponsorisé' : 'Ad'}</span></div>`
    : `<div dir="ltr" aria-hidden="true"><span>·</span></div><a href="/${p.handle}/status/${id}" dir="ltr" role="link"><time datetime="${postedAt(i)}">${esc(p.time ?? relativeTime(i, feed.lang))}</time></a>`;
  const context = p.repostedBy
    ? `<div class="t5"><a href="/${p.repostedBy.handle}" dir="ltr" role="link"><span data-testid="socialContext"><span>${esc(p.repostedBy.name)}</span> ${fr ? 'a reposté' : 'reposted'}</span></a></div>`
    : '';
  const article = `<article role="article" tabindex="0" data-testid="tweet">${context}
    <div class="t1">
      <div data-testid="Tweet-User-Avatar"><a href="/${p.handle}" aria-hidden="true" role="link" tabindex="-1">${avatar(p.name, 40)}</a></div>
      <div class="b">
        <div class="t2"><div data-testid="User-Name" class="t2">
          <a href="/${p.handle}" role="link"><span class="n">${esc(p.name)}</span></a>
          <a href="/${p.handle}" role="link" tabindex="-1"><span>@${esc(p.handle)}</span></a>
          ${when}</div></div>
        <div lang="${p.lang ?? feed.lang}" dir="auto" data-testid="tweetText" class="t3">${esc(p.text)}</div>
        <div role="group" class="t4"><button data-testid="reply" type="button">💬 ${(i * 7) % 23}</button><button data-testid="retweet" type="button">🔁 ${(i * 5) % 17}</button><button data-testid="like" type="button">♡ ${(i * 13) % 97}</button></div>
      </div>
    </div></article>`;
  return `
<div data-testid="cellInnerDiv"><div><div>${p.sponsored ? `<div data-testid="placementTracking">${article}</div>` : article}</div></div></div>`;
}

export function renderX(feed: DemoFeed): string {
  const body = `
<div id="react-root">
  <header role="banner"><nav aria-label="Primary" role="navigation"><a href="/home" aria-label="Home" role="link" data-testid="AppTabBar_Home_Link" style="color:inherit;text-decoration:none">𝕏</a></nav></header>
  <main role="main"><div data-testid="primaryColumn">
    <div class="t0"><h2 role="heading" aria-level="2" dir="ltr">${esc(feed.heading ?? '')}</h2></div>
    <section role="region"><div aria-label="Timeline">${feed.posts.map((p, i) => tweet(p, i, feed)).join('')}
    </div></section>
  </div></main>
</div>`;
  return htmlPage({ lang: feed.lang, title: feed.title, css: CSS, body });
}
