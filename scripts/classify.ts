/**
 * Researchers' command line: classify a JSONL / CSV / Zeeschuimer / 4CAT file with the shipped model.
 *   npm run classify -- INPUT [--out FILE] [--format jsonl|csv] [--skip-invalid] [--batch N]
 * All the work is in scripts/classify/ (docs/CLI.md).
 */
import { runClassify } from './classify/run';

// `npm run` moves to the package root; INIT_CWD is where the researcher typed the command, so relative paths work from there.
process.exitCode = await runClassify(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
