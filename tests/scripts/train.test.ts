// Proves `npm run train` rebuilds the committed model byte for byte from the committed corpus.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run train', () => {
  it('reproduces models/properso.onnx, properso.json and the model card exactly', () => {
    const out = mkdtempSync(join(tmpdir(), 'properso-train-'));
    execFileSync('npx', ['tsx', 'scripts/train.ts', '--out-dir', out], { stdio: 'pipe' });
    expect(readFileSync(join(out, 'properso.onnx')).equals(readFileSync('models/properso.onnx'))).toBe(true);
    expect(readFileSync(join(out, 'properso.json'), 'utf8')).toBe(readFileSync('models/properso.json', 'utf8'));
    expect(readFileSync(join(out, 'MODEL_CARD.md'), 'utf8')).toBe(readFileSync('docs/MODEL_CARD.md', 'utf8'));
  }, 600_000);
});
