/**
 * The one message protocol between Properso's scripts. Every message names its receiver (`to`) because
 * `runtime.sendMessage` reaches every extension page at once: in Chrome both the background service
 * worker and the offscreen document hear a content script's message, and each must ignore the other's.
 * Types are named by direction, as Dark Reader does (`ContentToBackground`, `BackgroundToOffscreen`…);
 * `Replies` maps each message type to what its receiver answers.
 */
import type { Prediction } from '../model/types';
import type { AudienceRef, ExtractedPost } from '../platforms/types';
import type { AudienceCounts, PostRecord } from '../storage/posts';
import type { UiLanguage } from '../storage/settings';

export type Receiver = 'background' | 'offscreen';

/** A post a content script saw for 500 ms, filed under the audience of the view it was seen in. */
export interface SeenPost {
  post: ExtractedPost;
  audience: AudienceRef;
  /** Epoch ms when the post met the visibility rule. */
  seenAt: number;
}

export type ContentToBackground = { to: 'background'; type: 'postsSeen'; posts: SeenPost[] };

export type PopupToBackground =
  | { to: 'background'; type: 'getCounts' }
  | { to: 'background'; type: 'getRecentPosts'; limit: number }
  | { to: 'background'; type: 'getInferenceStatus' }
  | { to: 'background'; type: 'getSettings' }
  | { to: 'background'; type: 'setUiLanguage'; language: UiLanguage | null };

export type BackgroundToOffscreen =
  | { to: 'offscreen'; type: 'classify'; texts: string[] }
  | { to: 'offscreen'; type: 'getHostStatus' };

export type ToBackground = ContentToBackground | PopupToBackground;
export type Message = ToBackground | BackgroundToOffscreen;
export type MessageType = Message['type'];

/** What the inference host knows about itself (Chrome: the offscreen document; Firefox: the background page). */
export interface HostStatus {
  host: 'offscreen-document' | 'background-page';
  modelId: string | null;
  modelVersion: string | null;
  /** ms from the host's first classify request to the model being ready (wasm compile + session). */
  modelLoadMs: number | null;
  /** ms from the host's first classify request to that batch's predictions. */
  firstBatchMs: number | null;
  batches: number;
  texts: number;
  cacheHits: number;
  cacheSize: number;
}

export interface InferenceStatus {
  /** null until the first batch was classified. */
  host: HostStatus | null;
  /**
   * ms from the background's first need of the host (before creating the offscreen document or loading
   * the model) to the first batch's predictions: the figure docs/BENCHMARKS.md reports.
   */
  firstClassificationMs: number | null;
}

export interface PostsSeenReply {
  /** Posts new to the store, now counted. */
  recorded: number;
  /** Posts already counted (same platform + id), from this or another tab. */
  alreadyKnown: number;
}

export interface CountsReply {
  audiences: AudienceCounts[];
  totals: Omit<AudienceCounts, 'audience'>;
}

export interface ClassifyReply {
  predictions: Prediction[];
}

export interface SettingsReply {
  /** null: follow the browser's language. */
  uiLanguage: UiLanguage | null;
}

export interface Replies {
  postsSeen: PostsSeenReply;
  getCounts: CountsReply;
  getRecentPosts: PostRecord[];
  getInferenceStatus: InferenceStatus;
  getSettings: SettingsReply;
  setUiLanguage: SettingsReply;
  classify: ClassifyReply;
  getHostStatus: HostStatus;
}

export function isMessageTo<R extends Receiver>(
  value: unknown,
  receiver: R,
): value is Extract<Message, { to: R }> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { to?: unknown }).to === receiver &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
