/**
 * Bluesky's web app (bluesky-social/social-app PostFeedItem): one `[data-testid="feedItem-by-<handle>"]`
 * per post, the text in `[data-testid="postText"]` (line breaks as "\n"), the author's /profile/<handle>
 * links and the post's /profile/<handle>/post/<rkey> link whose aria-label gives the time; a repost
 * shows "Reposted by X" above. Bluesky has no ads.
 */
import type { DemoFeed, DemoPost } from '../feedData';
import { avatar, COMMON_CSS, esc, htmlPage, postedAt, relativeTime, stableCode } from './html';

const CSS = `${COMMON_CSS}
body{margin:0;background:#fff;color:#0b0f14;font:15px/1.35 InterVariable,system-ui,-apple-system,Roboto,sans-serif}
main{width:600px;margin:0 auto;border-left:1px solid #d4dbe2;border-right:1px solid #d4dbe2;padding-bottom:600px}
.h0{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #d4dbe2;padding:12px 16px;font-weight:700;display:flex;gap:24px}
.h0 span{color:#6f869f;font-weight:500}
.f1{display:flex;gap:10px;padding:12px 16px;border-bottom:1px solid #d4dbe2}.f1 .b{flex:1;min-width:0}
.f2{display:flex;gap:4px;color:#6f869f}.f2 a{color:inherit;text-decoration:none}.f2 .n{color:#0b0f14;font-weight:600}
.f3{white-space:pre-wrap;margin:2px 0 8px}
.f4{display:flex;gap:48px;color:#6f869f}.f4 button{background:none;border:0;color:inherit}
.f5{font-size:13px;color:#6f869f;font-weight:600;padding:8px 16px 0 66px}.f5 a{color:inherit;text-decoration:none}
`;

function dateLabel(iso: string, lang: 'fr' | 'en'): string {
  return new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
}

function feedItem(p: DemoPost, i: number, feed: DemoFeed): string {
  const fr = feed.lang === 'fr';
  const rkey = `3l${stableCode(`${feed.url}#${i}`, 11, '234567abcdefghijklmnopqrstuvwxyz')}`;
  const iso = postedAt(i);
  const reason = p.repostedBy
    ? `<div class="f5"><a href="/profile/${p.repostedBy.handle}" aria-label="${fr ? 'Republié par' : 'Reposted by'} ${esc(p.repostedBy.name)}" role="link">🔁 ${fr ? 'Republié par' : 'Reposted by'} ${esc(p.repostedBy.name)}</a></div>`
    : '';
  return `
<div data-testid="feedItem-by-${p.handle}" role="link" tabindex="0">${reason}
  <div class="f1">
    <a href="/profile/${p.handle}" aria-label="${esc(p.name)}" role="link">${avatar(p.name, 42)}</a>
    <div class="b">
      <div class="f2"><a href="/profile/${p.handle}" role="link"><span class="n">${esc(p.name)}</span></a><a href="/profile/${p.handle}" role="link"><span>@${esc(p.handle)}</span></a>
        <span>·</span><a href="/profile/${p.handle}/post/${rkey}" aria-label="${esc(dateLabel(iso, feed.lang))}" data-tooltip="${esc(dateLabel(iso, feed.lang))}" role="link">${esc(p.time ?? relativeTime(i, feed.lang))}</a></div>
      <div data-testid="postText" dir="auto" lang="${p.lang ?? feed.lang}" class="f3">${esc(p.text)}</div>
      <div class="f4"><button data-testid="replyBtn" type="button">💬 ${(i * 3) % 11}</button><button data-testid="repostBtn" type="button">🔁 ${(i * 5) % 13}</button><button data-testid="likeBtn" type="button">♡ ${(i * 11) % 71}</button></div>
    </div>
  </div>
</div>`;
}

export function renderBluesky(feed: DemoFeed): string {
  const fr = feed.lang === 'fr';
  const body = `
<div id="root"><main role="main">
  <div class="h0" role="tablist"><div role="tab" aria-selected="true">${fr ? 'Abonnements' : 'Following'}</div><span role="tab">Discover</span></div>
  <div data-testid="followingFeedPage-feed-flatlist">${feed.posts.map((p, i) => feedItem(p, i, feed)).join('')}
  </div>
</main></div>`;
  return htmlPage({ lang: feed.lang, title: feed.title, css: CSS, body });
}
