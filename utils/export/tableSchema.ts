/**
 * Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) generated from the
 * column lists of schema.ts, and the text each type is written as in the CSV files.
 */
import { toInstant } from '../statistics/timeZone';
import type { ColumnSpec, FieldType } from './schema';

export interface TableSchemaField {
  name: string;
  type: FieldType;
  format?: 'default';
  description: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number };
}

export interface TableSchema {
  fields: TableSchemaField[];
  /** An empty cell is a missing value. */
  missingValues: string[];
}

export function toTableSchema(columns: readonly ColumnSpec[]): TableSchema {
  return {
    fields: columns.map((c) => {
      const constraints: NonNullable<TableSchemaField['constraints']> = {};
      if (c.required) constraints.required = true;
      if (c.enum) constraints.enum = [...c.enum];
      if (c.minimum !== undefined) constraints.minimum = c.minimum;
      if (c.maximum !== undefined) constraints.maximum = c.maximum;
      return {
        name: c.name,
        type: c.type,
        ...(c.type === 'datetime' ? { format: 'default' as const } : {}),
        description: c.description,
        ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
      };
    }),
    missingValues: [''],
  };
}

/** Numbers are written with at most this many decimals (no exponent, no -0). */
export const DECIMALS = 6;

/** UTC ISO 8601 to the second, the Table Schema default datetime format: 2024-03-10T08:00:00Z. */
export function formatDatetime(value: string | number | Date): string {
  const ms = toInstant(value);
  if (ms === null) throw new TypeError(`not a date/time: ${JSON.stringify(value)}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The CSV text of one value for a column of this type; null/undefined → '' (missing). Throws on a
 * value that does not fit the type (a programming error, never silently written).
 */
export function formatValue(type: FieldType, value: unknown, column = ''): string {
  if (value === null || value === undefined) return '';
  const fail = () => new TypeError(`column ${column}: ${JSON.stringify(value)} is not a valid ${type}`);
  switch (type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw fail();
      return String(value);
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail();
      const rounded = Number(value.toFixed(DECIMALS));
      return String(rounded === 0 ? 0 : rounded);
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw fail();
      return value ? 'true' : 'false';
    case 'datetime':
      if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) throw fail();
      return formatDatetime(value);
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
