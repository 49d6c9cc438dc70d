/**
 * Mastodon's web app (tests/fixtures/mastodon/home.html): a `[role="feed"]` of `article[data-id]`, each
 * holding a `.status[data-id]` with `.status__display-name`, `a.status__relative-time[href="/@acct/ID"]`
 * and `.status__content__text`; a boost adds a `.status__prepend` ("X boosted"). Mastodon has no ads.
 */
import type { DemoFeed, DemoPost } from '../feedData';
import { avatar, COMMON_CSS, esc, htmlPage, paragraphs, postedAt, relativeTime, stableNumber } from './html';

const CSS = `${COMMON_CSS}
body{margin:0;background:#191b22;color:#fff;font:15px/1.4 system-ui,-apple-system,Roboto,sans-serif}
.ui{width:600px;margin:0 auto;padding-bottom:600px}
.column-header{position:sticky;top:0;z-index:2;margin:0;background:#282c37;font-size:16px;padding:15px}
.column-header button{background:none;border:0;color:inherit;font:inherit;font-weight:600}
article{background:#282c37;border-bottom:1px solid #393f4f}
.status{padding:16px}.status__info{display:flex;flex-direction:row-reverse;justify-content:space-between;align-items:center}
.status__display-name{display:flex;gap:10px;align-items:center;color:#fff;text-decoration:none}
.display-name__account{color:#9baec8}.status__relative-time{color:#9baec8;text-decoration:none;font-size:14px}
.status__content{margin:10px 0 0 56px}.status__content p{margin:0 0 12px}
.status__prepend{color:#9baec8;padding:10px 16px 0 40px;font-size:14px}.status__prepend a{color:inherit;text-decoration:none}
.status__action-bar{margin-left:56px;display:flex;gap:30px}.status__action-bar button{background:none;border:0;color:#9baec8}
`;

function status(p: DemoPost, i: number, feed: DemoFeed): string {
  const fr = feed.lang === 'fr';
  const id = stableNumber(`${feed.url}#${i}`, 18, '115');
  const prepend = p.repostedBy
    ? `<div class="status__prepend"><span><a href="/@${p.repostedBy.handle}" class="status__display-name muted" style="display:inline"><bdi><strong>${esc(p.repostedBy.name)}</strong></bdi></a> ${fr ? 'a partagé' : 'boosted'}</span></div>`
    : '';
  return `
<article class="focusable" tabindex="-1" data-id="${id}" aria-posinset="${i + 1}" aria-setsize="${feed.posts.length}"><div class="status__wrapper focusable" tabindex="0">${prepend}
  <div class="status status-public" data-id="${id}">
    <div class="status__info"><a href="/@${p.handle}/${id}" class="status__relative-time"><time datetime="${postedAt(i)}" title="${esc(p.time ?? relativeTime(i, feed.lang))}">${esc(p.time ?? relativeTime(i, feed.lang))}</time></a>
      <a href="/@${p.handle}" title="@${esc(p.handle)}" class="status__display-name"><div class="status__avatar">${avatar(p.name, 46, false)}</div><span class="display-name"><bdi><strong class="display-name__html">${esc(p.name)}</strong></bdi><br><span class="display-name__account">@${esc(p.handle)}</span></span></a></div>
    <div class="status__content" tabindex="0"><div class="status__content__text status__content__text--visible translate" lang="${p.lang ?? feed.lang}">${paragraphs(p.text, '<p>', '</p>')}</div></div>
    <div class="status__action-bar"><button type="button" aria-label="${fr ? 'Répondre' : 'Reply'}">↩</button><button type="button" aria-label="${fr ? 'Partager' : 'Boost'}">🔁</button><button type="button" aria-label="${fr ? 'Ajouter aux favoris' : 'Favorite'}">☆</button></div>
  </div></div></article>`;
}

export function renderMastodon(feed: DemoFeed): string {
  const body = `
<div class="app-holder" id="mastodon"><div class="ui"><div class="column" role="region" aria-label="${esc(feed.heading ?? 'Home')}">
  <h1 class="column-header"><button type="button" class="column-header__title">🏠 ${esc(feed.heading ?? 'Home')}</button></h1>
  <div class="scrollable" role="feed">${feed.posts.map((p, i) => status(p, i, feed)).join('')}
  </div>
</div></div></div>`;
  return htmlPage({ lang: feed.lang, title: feed.title, css: CSS, body, htmlAttrs: 'class="theme-default"' });
}
