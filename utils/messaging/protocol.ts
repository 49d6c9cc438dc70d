/**
 * The one message protocol between Properso's scripts. Every message names its receiver (`to`) because
 * `runtime.sendMessage` reaches every extension page at once: in Chrome both the background service
 * worker and the offscreen document hear a content script's message, and each must ignore the other's.
 * Types are named by direction, as Dark Reader does (`ContentToBackground`, `BackgroundToOffscreen`…);
 * `Replies` maps each message type to what its receiver answers.
 */
import type { Label, Prediction } from '../model/types';
import type { AudienceRef, ExtractedPost } from '../platforms/types';
import type { AudienceCounts, PostRecord } from '../storage/posts';
import type { UiLanguage } from '../storage/settings';
import type { Preferences } from '../storage/preferences';
import type { SummaryReply } from '../summary/summary';
import type { ExportFormat, ExportReply, PostLabel, ReviewPost } from '../summary/messages';
import type { AudienceChange, AudienceDefinitions } from '../storage/audienceDefinitions';
import type { PageHealthReport, PlatformHealth } from '../storage/pageHealth';
import type { MastodonServer } from '../mastodon/servers';
import type { StorageProblems } from '../storage/integrity';

export type Receiver = 'background' | 'offscreen';

/** A post a content script saw for 500 ms, filed under the audience of the view it was seen in. */
export interface SeenPost {
  post: ExtractedPost;
  audience: AudienceRef;
  /** Epoch ms when the post met the visibility rule. */
  seenAt: number;
}

export type ContentToBackground =
  | { to: 'background'; type: 'postsSeen'; posts: SeenPost[] }
  /** On-page badges: the stored label of each [platform, id] (null when not stored). */
  | { to: 'background'; type: 'getPostLabels'; keys: [string, string][] }
  /** Cumulative found/read counts of one page view (sent now and then, and when the view ends). */
  | { to: 'background'; type: 'pageHealth'; report: PageHealthReport };

export type PopupToBackground =
  /**
   * Sponsored posts are stored but left out of counts unless `includeSponsored`; `asRecorded` gives the
   * audiences as seen, without the user's renames, merges and author lists (the options page edits them).
   */
  | { to: 'background'; type: 'getCounts'; includeSponsored?: boolean; asRecorded?: boolean }
  | { to: 'background'; type: 'getRecentPosts'; limit: number }
  | { to: 'background'; type: 'getInferenceStatus' }
  | { to: 'background'; type: 'getSettings' }
  | { to: 'background'; type: 'setUiLanguage'; language: UiLanguage | null }
  /** Per-audience figures with intervals, corrections, verdicts, trends and agreement (utils/summary/). */
  | { to: 'background'; type: 'getSummary' }
  /** An audience's latest posts for review (its key as getSummary gives it: merges and lists applied). */
  | { to: 'background'; type: 'getReviewPosts'; audienceKey: string; limit: number }
  /** The user's label for a post (null removes it); the background writes `humanLabel`. */
  | { to: 'background'; type: 'setHumanLabel'; platform: string; id: string; label: Label | null }
  | { to: 'background'; type: 'exportData'; format: ExportFormat }
  /** Part `index` (from 1) of an export too large for one message (`ExportReply.parts` > 1). */
  | { to: 'background'; type: 'exportPart'; exportId: string; index: number }
  | { to: 'background'; type: 'getPreferences' }
  | { to: 'background'; type: 'setPreferences'; preferences: Partial<Preferences> }
  /** Deletes every stored post, every total and the export key; `confirm` must be the literal true. */
  | { to: 'background'; type: 'deleteAllData'; confirm: true }
  | { to: 'background'; type: 'getHealth' }
  /** Posts waiting to be classified and stored, and whether the browser refused the last write (quota). */
  | { to: 'background'; type: 'getStorageStatus' }
  /** Damaged records and settings found and set aside (utils/storage/integrity.ts), since last dismissed. */
  | { to: 'background'; type: 'getStorageProblems' }
  /** The user closed the notice: what was found until now is no longer shown (it stays set aside). */
  | { to: 'background'; type: 'dismissStorageProblems' }
  | { to: 'background'; type: 'getAudienceDefinitions' }
  | { to: 'background'; type: 'updateAudiences'; change: AudienceChange }
  | { to: 'background'; type: 'getMastodonServers' }
  /** Sent after the page obtained the host permission (permissions.request needs its user gesture). */
  | { to: 'background'; type: 'addMastodonServer'; host: string }
  | { to: 'background'; type: 'removeMastodonServer'; host: string };

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
  /** Posts new to Properso: queued durably, and stored and counted by the time this reply comes unless the drain failed (then they wait in the queue). */
  queued: number;
  /** Posts already counted or queued (same platform + id), from this or another tab, or a resend. */
  alreadyKnown: number;
}

export interface StorageStatus {
  /** Posts received from the tabs and kept in the durable queue until they are classified and stored. */
  pending: number;
  /** Set when the browser refused a write because its storage quota is full; cleared by the next write that succeeds. */
  full: { at: number; message: string } | null;
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
  getPostLabels: (PostLabel | null)[];
  getSummary: SummaryReply;
  getReviewPosts: ReviewPost[];
  setHumanLabel: { ok: boolean };
  exportData: ExportReply;
  exportPart: { base64: string };
  getPreferences: Preferences;
  setPreferences: Preferences;
  deleteAllData: { deleted: number };
  pageHealth: { ok: true };
  getHealth: { platforms: PlatformHealth[] };
  getStorageStatus: StorageStatus;
  getStorageProblems: StorageProblems;
  dismissStorageProblems: StorageProblems;
  getAudienceDefinitions: AudienceDefinitions;
  updateAudiences: AudienceDefinitions;
  getMastodonServers: { servers: MastodonServer[] };
  addMastodonServer: { servers: MastodonServer[] };
  removeMastodonServer: { servers: MastodonServer[] };
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
