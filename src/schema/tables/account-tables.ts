import type { TableDefinition } from '../table-definition.js';

/** IAM, Lambda, RDS, S3, Organizations and the account itself. */
export const accountTables: readonly TableDefinition[] = [];
