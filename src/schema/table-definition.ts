import type { ApiId } from '../evidence/api-catalog.js';
import type { EvidenceDocument } from '../evidence/evidence-document.js';
import type { ColumnDefinition, Row } from './column.js';

/** The evidence of one account and one region (or `global`) that a table's rows come from. */
export interface ScopeEvidence {
  accountId: string;
  /** An AWS region name, or `global`. */
  region: string;
  /** aws, aws-cn or aws-us-gov; derived from the region or the ARNs in the evidence. */
  partition: string;
  /** Every document of that API in this scope, in a stable order. */
  documents(api: ApiId): readonly EvidenceDocument[];
}

/**
 * One Steampipe-shaped table: its columns and how its rows are built from evidence.
 *
 * The common columns (account_id, region, partition, title, akas, tags, tags_src) are added by
 * the framework when a table does not declare them, and account_id, region and partition are
 * filled from the scope when a row leaves them out.
 */
export interface TableDefinition {
  /** Steampipe's table name, e.g. aws_ec2_instance. */
  name: string;
  /** Where its evidence lives: a regional table's rows per region, a global one's per account. */
  scope: 'regional' | 'global';
  /** Steampipe's columns with their names and types, in Steampipe's order. */
  columns: readonly ColumnDefinition[];
  /** The APIs whose evidence fills this table. */
  sources: readonly ApiId[];
  /**
   * The APIs whose evidence makes this table count as collected in a scope, so that its rows
   * replace earlier snapshots' rows there. Defaults to the first source; the others add detail.
   */
  coveredBy?: readonly ApiId[];
  /**
   * Builds the rows of one scope. Throws an EvidenceShapeError (with the JSON path) when a field
   * it reads has the wrong type; unknown extra fields are ignored.
   */
  rows(evidence: ScopeEvidence): Row[];
  /** Identifies a row within its scope, so that the same resource read twice is stored once. */
  key(row: Row): string;
}
