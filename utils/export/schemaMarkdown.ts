/**
 * The column tables of docs/EXPORT.md, generated from schema.ts (the block between the markers is
 * rewritten by `npx tsx scripts/summarise/writeExportDocs.ts`; a test fails when it is stale).
 */
import { RESOURCES } from './schema';

export const DOCS_START = '<!-- export-columns:start (generated from utils/export/schema.ts; do not edit by hand) -->';
export const DOCS_END = '<!-- export-columns:end -->';

const cell = (text: string) => text.replaceAll('|', '\\|');

export function schemaMarkdown(): string {
  const parts: string[] = [];
  for (const r of RESOURCES) {
    parts.push(`### ${r.path}`, '', r.description, '', '| column | type | required | values | meaning |', '|---|---|---|---|---|');
    for (const c of r.columns) {
      const values = c.enum
        ? c.enum.map((v) => `\`${v}\``).join(', ')
        : c.minimum !== undefined || c.maximum !== undefined
          ? `${c.minimum ?? '−∞'} to ${c.maximum ?? '∞'}`
          : '';
      parts.push(`| \`${c.name}\` | ${c.type} | ${c.required ? 'yes' : c.optIn ? 'opt-in' : 'no'} | ${values} | ${cell(c.description)} |`);
    }
    parts.push('');
  }
  return parts.join('\n');
}

/** The document with its generated block replaced. */
export function withSchemaTables(doc: string): string {
  const start = doc.indexOf(DOCS_START);
  const end = doc.indexOf(DOCS_END);
  if (start === -1 || end === -1 || end < start) throw new Error('docs/EXPORT.md: generated-block markers not found');
  return `${doc.slice(0, start + DOCS_START.length)}\n\n${schemaMarkdown()}\n${doc.slice(end)}`;
}
