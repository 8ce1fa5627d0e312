import type { TableDefinition } from '../table-definition.js';

/** The EC2 and VPC tables. */
export const ec2Tables: readonly TableDefinition[] = [];
