// @vitest-environment node
// One end-to-end run of the real command (tsx + the shipped ONNX model through onnxruntime-web).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, REPO, tempFiles } from './helpers';

const TSX = join(REPO, 'node_modules/.bin/tsx');

function cli(args: string[]) {
  return spawnSync(TSX, [join(REPO, 'scripts/classify.ts'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
}

describe('classify CLI (spawned, real model)', () => {
  it('classifies a Zeeschuimer export with the shipped model and exits 0; bad input exits 2', () => {
    const result = cli(['tests/fixtures/classify/zeeschuimer-x.ndjson']);
    expect(result.stderr).toContain('3 read, 3 classified');
    expect(result.status).toBe(0);
    const meta = JSON.parse(readFileSync(join(REPO, 'models/properso.json'), 'utf8')) as { id: string };
    const rows = jsonLines(result.stdout);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.model).toBe(meta.id);
      expect(['professional', 'personal']).toContain(row.label);
      expect(row.p_professional).toBeGreaterThanOrEqual(0);
      expect(row.p_professional).toBeLessThanOrEqual(1);
      expect(String(row.p_professional).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(4);
    }
    // A hiring post should read as professional, a family outing as personal.
    expect(rows[0]!.label).toBe('professional');
    expect(rows[1]!.label).toBe('personal');

    const dir = tempFiles({ 'bad.jsonl': '{"text":"ok"}\n{oops\n' });
    const bad = cli([join(dir, 'bad.jsonl')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.jsonl:2: invalid JSON \(/);
    expect(bad.stdout).toBe('');
  }, 90_000);
});
