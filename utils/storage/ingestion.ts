/**
 * From the posts a tab saw to stored, counted records, losing none (the background's write path).
 * `receive` first writes the posts to the durable queue (pendingQueue.ts), then drains it: classify a
 * slice, store it and remove it from the queue in one transaction, until the queue is empty. One drain
 * runs at a time; a batch that arrives meanwhile makes it go round again. Whatever stops a drain (the
 * service worker stopped, the inference host closed, the browser killed, storage full) leaves the posts
 * queued: the next drain (the next batch, a retry a few seconds later, or the next background start)
 * takes them. A post leaves the queue only in the transaction that counts it, so it is counted once.
 */
import type { Prediction } from '../model/types';
import type { SeenPost, StorageStatus } from '../messaging/protocol';
import { countPending, enqueuePosts, peekPending, storeFromQueue } from './pendingQueue';
import type { PostRecord } from './posts';

/** Posts classified and stored per transaction: one model call, one short write. */
export const DRAIN_SLICE = 64;
/** Delays before retrying a drain that failed (host down, storage full), then every last one. */
export const DRAIN_RETRY_MS = [1_000, 5_000, 30_000] as const;

export interface IngestionOptions {
  database: () => Promise<IDBDatabase>;
  classify(texts: readonly string[]): Promise<Prediction[]>;
  /** `${meta.id}@${meta.version}` written on each record. */
  model: string;
  /** The posts the user lets Properso read now (paused, platforms switched off: none recorded). */
  readable?(seen: readonly SeenPost[]): Promise<SeenPost[]>;
  now?: () => number;
  log?: (message: string, error: unknown) => void;
}

export interface Ingestion {
  /** Queues what a tab saw (durably) and resolves once the queue is drained or the drain failed. */
  receive(seen: readonly SeenPost[]): Promise<{ queued: number; alreadyKnown: number }>;
  /** Classifies and stores whatever is queued; safe to call at any time, from anywhere. */
  drain(): Promise<void>;
  status(): Promise<StorageStatus>;
}

/** The error a write gets when the browser's storage quota is used up (Chrome and Firefox name it so). */
export function isQuotaError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError';
}

export const STORAGE_FULL_MESSAGE =
  'The browser has no storage space left for Properso: new posts cannot be saved until space is freed.';

export function createIngestion(options: IngestionOptions): Ingestion {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message, error) => console.warn(`[properso] ${message}`, error));
  let full: StorageStatus['full'] = null;
  let draining: Promise<void> | undefined;
  let again = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  function noteWrite<T>(write: Promise<T>): Promise<T> {
    return write.then(
      (value) => {
        full = null;
        return value;
      },
      (error: unknown) => {
        if (isQuotaError(error)) full = { at: now(), message: STORAGE_FULL_MESSAGE };
        throw error;
      },
    );
  }

  async function drainOnce(): Promise<void> {
    const db = await options.database();
    for (;;) {
      const slice = await peekPending(db, DRAIN_SLICE);
      if (slice.length === 0) return;
      const predictions = await options.classify(slice.map(({ post }) => post.text));
      const records: PostRecord[] = slice.map(({ post, audience, seenAt }, i) => {
        const prediction = predictions[i];
        if (!prediction) throw new Error(`The classifier returned ${predictions.length} predictions for ${slice.length} posts`);
        return {
          ...post,
          audience,
          seenAt,
          label: prediction.label,
          pProfessional: prediction.pProfessional,
          uncertain: prediction.uncertain,
          lang: prediction.lang,
          model: options.model,
          cues: prediction.cues,
        };
      });
      await noteWrite(storeFromQueue(db, records, slice.map(({ post }) => [post.platform, post.id] as const)));
    }
  }

  function scheduleRetry(): void {
    clearTimeout(retry);
    const delay = DRAIN_RETRY_MS[Math.min(failures, DRAIN_RETRY_MS.length) - 1] ?? DRAIN_RETRY_MS[0];
    retry = setTimeout(() => void drain(), delay);
  }

  function drain(): Promise<void> {
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      try {
        do {
          again = false;
          await drainOnce();
        } while (again);
        failures = 0;
      } catch (error) {
        // The posts stay queued; try again later (and at the next start, whatever happens to this one).
        failures++;
        log('could not classify and store the queued posts; will retry', error);
        scheduleRetry();
      }
    })().finally(() => {
      draining = undefined;
    });
    return draining;
  }

  return {
    async receive(all) {
      const seen = options.readable ? await options.readable(all) : [...all];
      const db = await options.database();
      const { queued, alreadyQueued, alreadyStored } = await noteWrite(enqueuePosts(db, seen, now()));
      await drain();
      return { queued, alreadyKnown: alreadyQueued + alreadyStored };
    },
    drain,
    async status() {
      return { pending: await countPending(await options.database()), full };
    },
  };
}
