import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../utils/export/schema';
import { schemaMarkdown, withSchemaTables } from '../../../utils/export/schemaMarkdown';
import { toTableSchema } from '../../../utils/export/tableSchema';

const DOC = readFileSync(join(import.meta.dirname, '../../../docs/EXPORT.md'), 'utf8');

describe('docs/EXPORT.md and utils/export/schema.ts', () => {
  it('documents every column of every resource, under its file, with its type', () => {
    for (const resource of RESOURCES) {
      const section = DOC.split(`### ${resource.path}`)[1]?.split('### ')[0] ?? '';
      expect(section, resource.path).not.toBe('');
      for (const column of resource.columns) {
        expect(section, `${resource.path} ${column.name}`).toContain(`| \`${column.name}\` | ${column.type} |`);
      }
      const documented = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
      expect(documented).toEqual(resource.columns.map((c) => c.name));
    }
  });

  it('holds the tables generated from the schema (run npx tsx scripts/summarise/writeExportDocs.ts when this fails)', () => {
    expect(withSchemaTables(DOC)).toBe(DOC);
    expect(DOC).toContain(schemaMarkdown());
  });

  it('every column has a type the validator knows and a description in plain words', () => {
    for (const resource of RESOURCES) {
      const names = resource.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const column of resource.columns) {
        expect(['integer', 'number', 'boolean', 'datetime', 'string']).toContain(column.type);
        expect(column.description.length).toBeGreaterThan(20);
      }
    }
  });

  it('generates Frictionless fields with constraints', () => {
    const tallies = toTableSchema(RESOURCES[1]!.columns);
    expect(tallies.missingValues).toEqual(['']);
    expect(tallies.fields.find((f) => f.name === 'verdict')!.constraints).toEqual({ required: true, enum: ['well_suited', 'mixed', 'poorly_suited', 'not_enough'] });
    expect(tallies.fields.find((f) => f.name === 'share')!.constraints).toEqual({ required: true, minimum: 0, maximum: 1 });
    expect(tallies.fields.find((f) => f.name === 'window_start')).toMatchObject({ type: 'datetime', format: 'default' });
  });
});
