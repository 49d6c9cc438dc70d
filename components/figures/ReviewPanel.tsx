/**
 * Review and correction: an audience's latest posts with the model's label, probability and cues,
 * and the user's own label (buttons with aria-pressed). Each label is sent to the background, which
 * writes `humanLabel`; the agreement figures and, from 20 labels in a language, the corrected shares
 * follow. Post text is rendered as text (Preact escapes it; no innerHTML anywhere).
 */
import { useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging';
import type { Label } from '@/utils/model/types';
import type { ReviewPost } from '@/utils/summary/messages';
import type { SummaryReply } from '@/utils/summary/summary';
import type { UiLanguage } from '@/utils/storage/settings';
import { fillIn, percent, type FigureStrings } from './strings';

interface Props {
  summary: SummaryReply;
  strings: FigureStrings;
  language: UiLanguage;
  /** A label changed: the figures should be fetched again. */
  onLabelled(): void;
}

const REVIEW_LIMIT = 20;
const SHOWN_CHARS = 280;

/** The strongest cues, each word once (several n-grams can reduce to the same word). */
function cueList(cues: { feature: string }[]): string {
  return [...new Set(cues.map((c) => c.feature.trim()).filter((f) => /\p{L}|\p{N}/u.test(f)))].slice(0, 5).join(', ');
}

export function ReviewPanel({ summary, strings, language, onLabelled }: Props) {
  const choices = summary.audiences.filter((a) => a.n > 0);
  const [audience, setAudience] = useState<string>('');
  const [posts, setPosts] = useState<ReviewPost[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = audience || choices[0]?.audience.key || '';

  const load = async () => {
    setError(null);
    try {
      setPosts(await sendMessage({ to: 'background', type: 'getReviewPosts', audienceKey: key, limit: REVIEW_LIMIT }));
    } catch (reason) {
      setError(String(reason));
    }
  };

  const label = async (post: ReviewPost, next: Label | null) => {
    setPosts((list) => list?.map((p) => (p === post ? { ...p, humanLabel: next } : p)) ?? null);
    try {
      await sendMessage({ to: 'background', type: 'setHumanLabel', platform: post.platform, id: post.id, label: next });
      onLabelled();
    } catch (reason) {
      setError(String(reason));
    }
  };

  return (
    <div class="review">
      <p class="help">{strings.reviewHelp}</p>
      <p class="field">
        <label for="review-audience">{strings.reviewAudience}</label>
        <select id="review-audience" value={key} onChange={(e) => (setAudience((e.currentTarget as HTMLSelectElement).value), setPosts(null))}>
          {choices.map((a) => (
            <option key={a.audience.key} value={a.audience.key}>
              {a.audience.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void load()} disabled={!key}>
          {strings.reviewLoad}
        </button>
      </p>
      {error && <p class="error" role="alert">{error}</p>}
      {posts && posts.length === 0 && <p class="muted">{strings.reviewEmpty}</p>}
      {posts && posts.length > 0 && (
        <ol class="review-posts">
          {posts.map((post, i) => {
            const modelLabel = post.label === 'professional' ? strings.labelProfessional : strings.labelPersonal;
            const text = post.text.length > SHOWN_CHARS ? `${post.text.slice(0, SHOWN_CHARS)}…` : post.text;
            return (
              <li key={`${post.platform}:${post.id}`} class="review-post" data-post={post.id} aria-labelledby={`review-${i}`}>
                <p class="post-text" id={`review-${i}`} lang={post.lang === 'other' ? undefined : post.lang}>
                  {/* <bdi>: an author's right-to-left override cannot reverse the post's text. */}
                  {post.author && (
                    <strong>
                      <bdi>{post.author}</bdi>:{' '}
                    </strong>
                  )}
                  <bdi>{text}</bdi>
                </p>
                <p class="post-model" data-label={post.label}>
                  {fillIn(strings.modelSays, { label: modelLabel, p: percent(post.pProfessional, language) })}
                  {post.uncertain && <span class="tag"> · {strings.uncertainTag}</span>}
                  <span class="tag"> · {post.lang.toUpperCase()}</span>
                </p>
                {post.cues ? (
                  <p class="cues">
                    {post.cues.professional.length > 0 && (
                      <span class="cue-pro">
                        {strings.cuesPro} {cueList(post.cues.professional)}
                      </span>
                    )}{' '}
                    {post.cues.personal.length > 0 && (
                      <span class="cue-perso">
                        {strings.cuesPerso} {cueList(post.cues.personal)}
                      </span>
                    )}
                  </p>
                ) : (
                  <p class="cues muted">{strings.cuesNone}</p>
                )}
                <div class="label-buttons" role="group" aria-label={`${strings.yourLabel} (${i + 1})`}>
                  <span aria-hidden="true">{strings.yourLabel}: </span>
                  {(['professional', 'personal'] as const).map((choice) => (
                    <button
                      type="button"
                      key={choice}
                      data-choice={choice}
                      aria-pressed={post.humanLabel === choice}
                      onClick={() => void label(post, post.humanLabel === choice ? null : choice)}
                    >
                      {choice === 'professional' ? strings.labelProfessional : strings.labelPersonal}
                    </button>
                  ))}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
