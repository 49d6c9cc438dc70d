import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataPackageFiles } from '../../../utils/export/dataPackage';
import { parseCsv } from '../../../utils/export/parseCsv';
import { runSummarise } from '../../../scripts/summarise/run';

/** The shipped model's id, so that its model-card error rates apply. */
export const MODEL_ID = (JSON.parse(readFileSync(join(import.meta.dirname, '../../../models/properso.json'), 'utf8')) as { id: string }).id;

export interface RecordSpec {
  audience?: string;
  author?: string | null;
  label?: 'professional' | 'personal' | null;
  lang?: 'fr' | 'en' | 'other';
  posted_at?: string | null;
  human_label?: 'professional' | 'personal';
  text?: string;
  [field: string]: unknown;
}

/** One classify output record, as `npm run classify` writes it (Zeeschuimer-style fields carried). */
export function classified(i: number, spec: RecordSpec = {}): Record<string, unknown> {
  const label = spec.label === undefined ? 'professional' : spec.label;
  const { audience = 'linkedin:feed', author = `user${i % 7}`, lang = 'fr', posted_at = '2024-03-10T10:00:00Z', text = `post ${i}`, ...rest } = spec;
  return {
    id: `p${i}`,
    label,
    p_professional: label === null ? null : label === 'professional' ? 0.91 : 0.08,
    uncertain: label === null ? null : false,
    lang: label === null ? null : lang,
    model: MODEL_ID,
    cues: label === null ? null : { professional: [], personal: [] },
    ...(label === null ? { skipped_reason: 'no text' } : {}),
    platform: 'linkedin',
    author,
    posted_at,
    text,
    audience,
    ...rest,
  };
}

export function jsonl(records: Array<Record<string, unknown>>): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** A temporary folder with these files. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'properso-summarise-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Runs the command in-process with a fixed clock. */
export async function summarise(argv: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runSummarise(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env,
    now: () => new Date('2024-04-01T12:00:00Z'),
  });
  return { code, stdout, stderr };
}

/** Every file of a written package folder. */
export function readFolder(dir: string): DataPackageFiles {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

export function csvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text).rows;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}
