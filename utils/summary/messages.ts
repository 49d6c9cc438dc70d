/** Shapes of the review, badge and export messages (utils/messaging/protocol.ts). */
import type { Label, Lang, Prediction } from '../model/types';
import type { PlatformId } from '../platforms/catalog';

/** A post as the review screen shows it: text (rendered as text), label, probability and cues. */
export interface ReviewPost {
  platform: PlatformId;
  id: string;
  author: string | null;
  text: string;
  seenAt: number;
  permalink: string | null;
  label: Label;
  pProfessional: number;
  uncertain: boolean;
  lang: Lang;
  /** Null for posts stored before cues were kept. */
  cues: Prediction['cues'] | null;
  humanLabel: Label | null;
}

/** What an on-page badge shows. */
export interface PostLabel {
  label: Label;
  pProfessional: number;
  uncertain: boolean;
}

export type ExportFormat = 'datapackage' | 'ndjson';

export interface ExportReply {
  fileName: string;
  mimeType: string;
  /**
   * The file's bytes, base64 (a zip does not survive JSON message passing as bytes): all of them, or
   * the first part when the file is larger than one message may be (Chrome refuses messages over
   * 64 MiB; an NDJSON of 200,000 posts is about 70 MB).
   */
  base64: string;
  /** How many parts the file has; ask for parts 1 … parts − 1 with `exportPart`. */
  parts: number;
  /** Names the export for `exportPart`; null when the file came whole. */
  exportId: string | null;
  /** Posts written. */
  posts: number;
}
