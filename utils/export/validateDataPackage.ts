/**
 * Reads a data package back and checks every CSV against its own datapackage.json: header = the
 * schema's fields in order; each cell of the right type (integer, number, boolean, datetime, string);
 * required cells present; enum, minimum and maximum respected; no unguarded formula in a text cell.
 * Also checks that Properso's three resources are there with the columns of schema.ts.
 */
import { runsAsFormula } from './csv';
import type { DataPackageFiles } from './dataPackage';
import { parseCsv } from './parseCsv';
import { columnsOf, RESOURCES } from './schema';

export interface ValidationError {
  file: string;
  /** As in Frictionless: 1 = the header line, 2 = the first data row; null for the whole file. */
  row: number | null;
  column: string | null;
  message: string;
}

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; enum?: unknown[]; minimum?: number; maximum?: number };
  trueValues?: string[];
  falseValues?: string[];
}

const TYPES = new Set(['integer', 'number', 'boolean', 'datetime', 'string']);
const INTEGER = /^[+-]?\d+$/;
/** Finite decimals, optional exponent (NaN and INF, allowed by the spec, are refused: Properso never writes them). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function validDatetime(text: string): boolean {
  const m = DATETIME.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

/** Why a non-missing cell does not fit its field, or null. */
function cellProblem(field: Field, text: string): string | null {
  const c = field.constraints ?? {};
  let numeric: number | null = null;
  switch (field.type) {
    case 'integer':
      if (!INTEGER.test(text)) return `"${text}" is not an integer`;
      numeric = Number(text);
      break;
    case 'number':
      if (!NUMBER.test(text)) return `"${text}" is not a number`;
      numeric = Number(text);
      break;
    case 'boolean': {
      const yes = field.trueValues ?? ['true', 'True', 'TRUE', '1'];
      const no = field.falseValues ?? ['false', 'False', 'FALSE', '0'];
      if (!yes.includes(text) && !no.includes(text)) return `"${text}" is not a boolean`;
      break;
    }
    case 'datetime':
      if (!validDatetime(text)) return `"${text}" is not a datetime (YYYY-MM-DDThh:mm:ssZ)`;
      break;
    case 'string':
      if (runsAsFormula(text)) return `"${text.slice(0, 40)}" would run as a spreadsheet formula (not escaped)`;
      break;
  }
  if (c.enum && !c.enum.map(String).includes(text)) return `"${text}" is not one of ${c.enum.map(String).join(', ')}`;
  if (numeric !== null && c.minimum !== undefined && numeric < c.minimum) return `${text} is below the minimum ${c.minimum}`;
  if (numeric !== null && c.maximum !== undefined && numeric > c.maximum) return `${text} is above the maximum ${c.maximum}`;
  return null;
}

function validateTable(file: string, text: string, fields: Field[], missingValues: string[], errors: ValidationError[]): void {
  const { rows, errors: parseErrors } = parseCsv(text);
  for (const e of parseErrors) errors.push({ file, row: null, column: null, message: `malformed CSV at line ${e.line}: ${e.message}` });
  const header = rows[0];
  const names = fields.map((f) => f.name);
  if (!header) {
    errors.push({ file, row: 1, column: null, message: 'no header line' });
    return;
  }
  if (header.join('\u0000') !== names.join('\u0000')) {
    errors.push({ file, row: 1, column: null, message: `header is "${header.join(',')}", the schema says "${names.join(',')}"` });
    return; // cells cannot be matched to fields
  }
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.length !== fields.length) {
      errors.push({ file, row, column: null, message: `${cells.length} cells, ${fields.length} expected` });
      return;
    }
    fields.forEach((field, j) => {
      const cell = cells[j]!;
      if (missingValues.includes(cell)) {
        if (field.constraints?.required) errors.push({ file, row, column: field.name, message: 'required value missing' });
        return;
      }
      const problem = cellProblem(field, cell);
      if (problem) errors.push({ file, row, column: field.name, message: problem });
    });
  });
}

export function validateDataPackage(files: DataPackageFiles): ValidationError[] {
  const errors: ValidationError[] = [];
  const raw = files['datapackage.json'];
  if (raw === undefined) return [{ file: 'datapackage.json', row: null, column: null, message: 'missing' }];
  let descriptor: { resources?: unknown };
  try {
    descriptor = JSON.parse(raw) as { resources?: unknown };
  } catch (error) {
    return [{ file: 'datapackage.json', row: null, column: null, message: `not JSON (${(error as Error).message})` }];
  }
  if (!Array.isArray(descriptor.resources)) return [{ file: 'datapackage.json', row: null, column: null, message: 'no "resources" list' }];
  const resources = descriptor.resources as Array<{ name?: unknown; path?: unknown; schema?: { fields?: unknown; missingValues?: unknown } }>;
  const described = new Set<string>();

  for (const spec of RESOURCES) {
    const resource = resources.find((r) => r.name === spec.name);
    if (!resource) {
      errors.push({ file: 'datapackage.json', row: null, column: null, message: `resource "${spec.name}" is missing` });
      continue;
    }
    const declared = Array.isArray(resource.schema?.fields) ? (resource.schema.fields as Field[]).map((f) => f.name) : [];
    const expected = [columnsOf(spec.name), columnsOf(spec.name, { includeText: true })].map((cs) => cs.map((c) => c.name).join(','));
    if (!expected.includes(declared.join(','))) {
      errors.push({ file: 'datapackage.json', row: null, column: null, message: `resource "${spec.name}" has columns "${declared.join(',')}", not those of Properso's export schema` });
    }
  }

  for (const resource of resources) {
    const name = typeof resource.name === 'string' ? resource.name : '?';
    if (typeof resource.path !== 'string') {
      errors.push({ file: 'datapackage.json', row: null, column: null, message: `resource "${name}" has no path` });
      continue;
    }
    described.add(resource.path);
    const fields = resource.schema?.fields;
    if (!Array.isArray(fields) || fields.some((f: Field) => typeof f?.name !== 'string' || !TYPES.has(f.type))) {
      errors.push({ file: 'datapackage.json', row: null, column: null, message: `resource "${name}": schema fields missing or of an unsupported type` });
      continue;
    }
    const text = files[resource.path];
    if (text === undefined) {
      errors.push({ file: resource.path, row: null, column: null, message: `missing (resource "${name}")` });
      continue;
    }
    const missingValues = Array.isArray(resource.schema?.missingValues) ? (resource.schema.missingValues as string[]) : [''];
    validateTable(resource.path, text, fields as Field[], missingValues, errors);
  }

  for (const file of Object.keys(files)) {
    if (file.endsWith('.csv') && !described.has(file)) errors.push({ file, row: null, column: null, message: 'not described in datapackage.json' });
  }
  return errors;
}
