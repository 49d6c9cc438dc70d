import type { Prediction } from '../../utils/model/types';
import type { InputKind, InputRecord } from './types';

/** One output record as ordered [field, value] pairs (keeps the input's column order, duplicates included). */
export type OutputRecord = Array<[string, unknown]>;

/** Fields the classifier writes, first in every record. */
export const PREDICTION_FIELDS = ['id', 'label', 'p_professional', 'uncertain', 'lang', 'model', 'cues'] as const;
/** Fields added for Zeeschuimer and 4CAT items. */
export const PLATFORM_FIELDS = ['skipped_reason', 'platform', 'author', 'posted_at', 'text'] as const;

const RESERVED = new Set<string>([...PREDICTION_FIELDS, ...PLATFORM_FIELDS]);

/** An input field named like an output field (a hand-coded `label`, say) is kept as `input_<name>`. */
export function carriedName(name: string, reserved: ReadonlySet<string> = RESERVED): string {
  let out = name;
  while (reserved.has(out)) out = `input_${out}`;
  return out;
}

/** Probability rounded to 4 decimals. */
export function round4(p: number): number {
  return Math.round(p * 10000) / 10000;
}

/** Cues as one compact cell: "recrute +3.40; developpeur +2.12 | fille -0.93" (professional | personal). */
export function formatCues(cues: Prediction['cues'] | null | undefined): string {
  if (!cues) return '';
  const side = (list: Prediction['cues']['professional']) =>
    list.map((c) => `${c.feature} ${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(2)}`).join('; ');
  return [side(cues.professional), side(cues.personal)].filter((s) => s !== '').join(' | ');
}

/**
 * The output record for one input record: prediction fields, then (Zeeschuimer/4CAT) the platform
 * fields, then the input's other fields unchanged. `prediction` is null for an item without text.
 */
export function buildOutput(record: InputRecord, prediction: Prediction | null, modelId: string, kind: InputKind): OutputRecord {
  // Plain text fields keep their own name ("text" included); platform items get the extracted text added.
  const platformKind = kind === 'zeeschuimer' || kind === '4cat';
  const reserved = platformKind ? RESERVED : new Set<string>(PREDICTION_FIELDS);
  const out: OutputRecord = [
    ['id', record.id],
    ['label', prediction?.label ?? null],
    ['p_professional', prediction ? round4(prediction.pProfessional) : null],
    ['uncertain', prediction?.uncertain ?? null],
    ['lang', prediction?.lang ?? null],
    ['model', modelId],
    ['cues', prediction?.cues ?? null],
  ];
  if (platformKind) {
    out.push(
      ['skipped_reason', prediction ? null : 'no text'],
      ['platform', record.platform?.platform ?? null],
      ['author', record.platform?.author ?? null],
      ['posted_at', record.platform?.postedAt ?? null],
      ['text', record.text],
    );
  }
  for (const [name, value] of record.carried) out.push([carriedName(name, reserved), value]);
  return out;
}
