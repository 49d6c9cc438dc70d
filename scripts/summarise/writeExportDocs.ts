/** Rewrites the column tables of docs/EXPORT.md from utils/export/schema.ts: npx tsx scripts/summarise/writeExportDocs.ts */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSchemaTables } from '../../utils/export/schemaMarkdown';

const path = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/EXPORT.md');
writeFileSync(path, withSchemaTables(readFileSync(path, 'utf8')));
console.log(`updated ${path}`);
