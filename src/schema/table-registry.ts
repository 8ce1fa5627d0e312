import { accountTables } from './tables/account-tables.js';
import { ec2Tables } from './tables/ec2-tables.js';
import type { TableDefinition } from './table-definition.js';

/** Every Steampipe-shaped table lateral stores, in one list. */
export const tableRegistry: readonly TableDefinition[] = [...ec2Tables, ...accountTables];

export function findTable(name: string): TableDefinition | undefined {
  return tableRegistry.find((table) => table.name === name);
}
