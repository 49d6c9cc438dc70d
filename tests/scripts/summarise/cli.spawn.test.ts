// @vitest-environment node
// End to end with the real commands: classify a Zeeschuimer export with the shipped model, then
// summarise its output, then read the package back with the validator.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataPackage } from '../../../utils/export/validateDataPackage';
import { unzipDataPackage } from '../../../utils/export/zip';
import { readFileSync } from 'node:fs';
import { csvObjects, readFolder, tempDir } from './helpers';

const REPO = resolve(import.meta.dirname, '../../..');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const run = (script: string, args: string[], cwd: string) =>
  spawnSync(TSX, [join(REPO, 'scripts', script), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, INIT_CWD: cwd } });

describe('summarise CLI (spawned, after the real classify)', () => {
  it('classify → summarise --by platform → a valid data package (folder and zip)', () => {
    const dir = tempDir();
    const fixture = join(REPO, 'tests/fixtures/classify/zeeschuimer-x.ndjson');
    const classified = run('classify.ts', [fixture, '--out', 'classified.jsonl'], dir);
    expect(classified.status).toBe(0);

    const folder = run('summarise.ts', ['classified.jsonl', '--by', 'platform', '--out', 'pkg'], dir);
    expect(folder.stderr).toContain('3 classified posts in 1 group by "platform"');
    expect(folder.status).toBe(0);
    expect(folder.stdout).toMatch(/^platform\s+window/);
    const files = readFolder(join(dir, 'pkg'));
    expect(validateDataPackage(files)).toEqual([]);
    expect(csvObjects(files['tallies.csv']!)[0]).toMatchObject({ audience: 'x', unit: 'post', n: '3', verdict: 'not_enough' });

    const zipped = run('summarise.ts', ['classified.jsonl', '--by', 'platform', '--out', 'pkg.zip', '--zip', '--window', 'day'], dir);
    expect(zipped.status).toBe(0);
    expect(validateDataPackage(unzipDataPackage(readFileSync(join(dir, 'pkg.zip'))))).toEqual([]);

    const bad = run('summarise.ts', ['classified.jsonl', '--by', 'nope', '--out', 'pkg3'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/classified\.jsonl:1: no "nope" value/);
  }, 120_000);
});
