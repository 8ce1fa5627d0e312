import type { z } from 'zod';
import type { ApiId } from '../../evidence/api-catalog.js';
import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import { parseEvidence } from '../../evidence/evidence-error.js';
import type { ColumnDefinition, Row } from '../column.js';
import type { ScopeEvidence } from '../table-definition.js';

export { known, tagColumns } from './table-helpers.js';

/** One evidence document checked against its loose schema. */
export interface ParsedDocument<T> {
  body: T;
  document: EvidenceDocument;
}

/** Every document of an API in the scope, checked against its schema (EvidenceError if not). */
export function parsedDocuments<Schema extends z.ZodType>(
  evidence: ScopeEvidence,
  api: ApiId,
  schema: Schema,
): ParsedDocument<z.infer<Schema>>[] {
  return evidence
    .documents(api)
    .map((document) => ({ body: parseEvidence(schema, document.body, document.source), document }));
}

/** Steampipe's akas from an ARN: the ARN in a one-element array. */
export function arnAkas(arn: string | null | undefined): string[] | null {
  return arn ? [arn] : null;
}

/**
 * Rows of the same resources read from several APIs, merged by key: a column takes the value of
 * the first source (in the order added) that knows it; a source that does not know a column
 * leaves it undefined. What no source knows ends as null.
 */
export class RowMerger {
  private readonly rows = new Map<string, Row>();

  add(key: string, partial: Row): void {
    const row = this.rows.get(key);
    if (row === undefined) {
      this.rows.set(key, { ...partial });
      return;
    }
    for (const [name, value] of Object.entries(partial)) {
      if (row[name] === undefined && value !== undefined) row[name] = value;
    }
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  keys(): string[] {
    return [...this.rows.keys()];
  }

  /** The merged rows, with every declared column present (null where unknown). */
  result(columns: readonly ColumnDefinition[]): Row[] {
    return [...this.rows.values()].map((row) => completeRow(row, columns));
  }
}

/** A row with every declared column present: what the row leaves out is null. */
export function completeRow(row: Row, columns: readonly ColumnDefinition[]): Row {
  const complete: Row = {};
  for (const { name } of columns) complete[name] = row[name] ?? null;
  return complete;
}
