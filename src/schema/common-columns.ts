import type { ColumnDefinition, Row } from './column.js';
import type { ScopeEvidence, TableDefinition } from './table-definition.js';

/** Columns Steampipe's AWS plugin puts on every table; lateral puts them on all of its tables. */
export const commonColumns: readonly ColumnDefinition[] = [
  { name: 'title', type: 'text', description: 'Title of the resource.' },
  {
    name: 'akas',
    type: 'jsonb',
    description: 'Array of globally unique identifier strings (also known as) for the resource.',
  },
  { name: 'tags', type: 'jsonb', description: 'A map of tags for the resource.' },
  {
    name: 'tags_src',
    type: 'jsonb',
    description: 'A list of tags attached to the resource, as AWS returns them.',
  },
  {
    name: 'partition',
    type: 'text',
    description: 'The AWS partition in which the resource is located (aws, aws-cn, or aws-us-gov).',
  },
  {
    name: 'region',
    type: 'text',
    description: "The AWS Region in which the resource is located, or 'global'.",
  },
  {
    name: 'account_id',
    type: 'text',
    description: 'The AWS Account ID in which the resource is located.',
  },
];

/**
 * Steampipe's connection columns, and lateral's provenance: `_ctx` holds the snapshot id, the
 * evidence file a row came from, and the exact original of any value Postgres could not store.
 */
export const contextColumns: readonly ColumnDefinition[] = [
  {
    name: 'sp_connection_name',
    type: 'text',
    description: 'Steampipe connection name: aws_<account id>.',
  },
  { name: 'sp_ctx', type: 'jsonb', description: 'Steampipe context: connection name.' },
  {
    name: '_ctx',
    type: 'jsonb',
    description:
      'Provenance: connection name, snapshot id, evidence file, originals of unstorable text.',
  },
];

/** A table's stored columns: its own, the common ones it does not declare, then context. */
export function storedColumns(table: TableDefinition): readonly ColumnDefinition[] {
  const own = new Set(table.columns.map((column) => column.name));
  return [
    ...table.columns,
    ...commonColumns.filter((column) => !own.has(column.name)),
    ...contextColumns,
  ];
}

/** Fills the scope's account, region and partition where a row leaves them out. */
export function withScopeColumns(
  row: Row,
  scope: Pick<ScopeEvidence, 'accountId' | 'region' | 'partition'>,
): Row {
  return {
    ...row,
    account_id: row['account_id'] ?? scope.accountId,
    region: row['region'] ?? scope.region,
    partition: row['partition'] ?? scope.partition,
  };
}

/** The partition of a region name: aws-cn for China, aws-us-gov for GovCloud, else aws. */
export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
