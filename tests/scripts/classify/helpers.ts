import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { Classifier } from '../../../utils/model/classifier';
import type { ModelMeta, Prediction } from '../../../utils/model/types';
import { runClassify } from '../../../scripts/classify/run';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/classify');
export const REPO = resolve(import.meta.dirname, '../../..');

/** A stand-in model: "recrut"/"hiring" → professional, else personal; records every batch it gets. */
export function fakeClassifier(batches: string[][] = []): Classifier {
  return {
    meta: { id: 'fake-model-1' } as ModelMeta,
    async classify(texts) {
      batches.push([...texts]);
      return texts.map((text): Prediction => {
        const pro = /recrut|hiring/i.test(text);
        return {
          label: pro ? 'professional' : 'personal',
          pProfessional: pro ? 0.912345678 : 0.0712345,
          uncertain: text.split(/\s+/).length < 3,
          lang: 'fr',
          cues: pro
            ? { professional: [{ feature: 'recrute', weight: 3.4 }, { feature: 'developpeur', weight: 2.123 }], personal: [{ feature: 'fille', weight: -0.93 }] }
            : { professional: [], personal: [{ feature: 'fille', weight: -1.5 }] },
        };
      });
    },
  };
}

/** Runs the CLI in-process; returns exit code, stdout and stderr. */
export async function run(argv: string[], options: { classifier?: Classifier; cwd?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      stdout += chunk.toString('utf8');
      done();
    },
  });
  const classifier = options.classifier ?? fakeClassifier();
  const code = await runClassify(argv, {
    stdout: sink,
    stderr: { write: (s: string) => (stderr += s) },
    loadClassifier: async () => classifier,
    cwd: options.cwd ?? FIXTURES,
  });
  return { code, stdout, stderr };
}

export function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A temporary directory with the given files (string or raw bytes). */
export function tempFiles(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'properso-classify-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
