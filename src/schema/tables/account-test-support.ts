import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiId } from '../../evidence/api-catalog.js';
import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import type { ColumnDefinition, Row } from '../column.js';
import { createScopeEvidence } from '../scope-evidence.js';
import type { ScopeEvidence, TableDefinition } from '../table-definition.js';

/** The public test data beside the repository root (../shared/data); absent in a fresh clone. */
export const sharedData = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
export const hasSharedData = existsSync(join(sharedData, 'README.md'));

/** Prefix of suite names that need the shared data, saying why they skip when it is absent. */
export const dataSuite = hasSharedData ? '' : '[skipped: ../shared/data is absent] ';

/** An evidence document read from a file of the shared data. */
export function documentFrom(
  api: ApiId,
  relativePath: string,
  options: { accountId?: string; region?: string; resourceId?: string } = {},
): EvidenceDocument {
  return {
    api,
    accountId: options.accountId ?? '123456789012',
    region: options.region ?? 'global',
    ...(options.resourceId === undefined ? {} : { resourceId: options.resourceId }),
    body: JSON.parse(readFileSync(join(sharedData, relativePath), 'utf8')) as unknown,
    source: relativePath,
  };
}

/** A document whose body the test gives (for wrong-typed fields). */
export function documentWith(api: ApiId, body: unknown, source = 'bad.json'): EvidenceDocument {
  return { api, accountId: '123456789012', region: 'global', body, source };
}

export function scopeOf(
  documents: EvidenceDocument[],
  region = 'global',
  accountId = '123456789012',
): ScopeEvidence {
  return createScopeEvidence(accountId, region, documents);
}

export function byKey(rows: Row[], column: string, value: unknown): Row {
  const row = rows.find((candidate) => candidate[column] === value);
  if (row === undefined) throw new Error(`no row with ${column} = ${String(value)}`);
  return row;
}

function valueFits(column: ColumnDefinition, value: unknown): boolean {
  if (value === null) return true;
  switch (column.type) {
    case 'text':
    case 'inet':
    case 'cidr':
      return typeof value === 'string';
    case 'bigint':
      return Number.isSafeInteger(value);
    case 'double precision':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'timestamptz':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'jsonb':
      return value !== undefined;
  }
}

/** The columns of rows that are not declared, or whose value does not fit the column's type. */
export function misfits(table: TableDefinition, rows: Row[]): string[] {
  const declared = new Map(table.columns.map((column) => [column.name, column]));
  const problems: string[] = [];
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const column = declared.get(name);
      if (column === undefined) problems.push(`${table.name}.${name} is not declared`);
      else if (!valueFits(column, value))
        problems.push(`${table.name}.${name} is not ${column.type}`);
    }
  }
  return problems;
}
