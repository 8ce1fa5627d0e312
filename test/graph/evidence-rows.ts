/**
 * Rows of the Steampipe-shaped tables built from real public capture files, without the
 * importer: each file becomes an EvidenceDocument by its name, and every table's rows() reads
 * the scope. Tests write these rows with the store's snapshot writer and derive the graph.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSpec } from '../../src/evidence/api-catalog.js';
import { nameHint } from '../../src/evidence/api-file-names.js';
import type { EvidenceDocument } from '../../src/evidence/evidence-document.js';
import type { Row } from '../../src/schema/column.js';
import { createScopeEvidence } from '../../src/schema/scope-evidence.js';
import type { TableDefinition } from '../../src/schema/table-definition.js';
import { tableRegistry } from '../../src/schema/table-registry.js';

export const sharedDataDir = fileURLToPath(new URL('../../../shared/data', import.meta.url));
export const sharedDataExists = existsSync(join(sharedDataDir, 'README.md'));

export interface ScopeRows {
  table: TableDefinition;
  accountId: string;
  region: string;
  rows: Row[];
}

/** The covered API responses in a folder, as documents of one account (regional ones in region). */
export function documentsOf(folder: string, accountId: string, region: string): EvidenceDocument[] {
  const documents: EvidenceDocument[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (!statSync(path).isFile()) continue;
    const hint = nameHint(name);
    const spec = hint?.kind === 'cli' || hint?.kind === 'dotted' ? hint.spec : undefined;
    if (spec === undefined || spec.perResource) continue;
    documents.push({
      api: spec.id,
      accountId,
      region: apiSpec(spec.id).scope === 'global' ? 'global' : region,
      body: JSON.parse(readFileSync(path, 'utf8')),
      source: path,
    });
  }
  return documents;
}

/** Tables whose rows() threw in the last rowsOf call, with the message. */
export const failures: string[] = [];

/** Every table's rows of the documents' scopes, for the tables whose evidence is there. */
export function rowsOf(documents: readonly EvidenceDocument[]): ScopeRows[] {
  const scopes = new Map<string, EvidenceDocument[]>();
  for (const document of documents) {
    const scope = `${document.accountId}/${document.region}`;
    scopes.set(scope, [...(scopes.get(scope) ?? []), document]);
  }
  const result: ScopeRows[] = [];
  for (const [scope, scopeDocuments] of scopes) {
    const [accountId = '', region = ''] = scope.split('/');
    const evidence = createScopeEvidence(accountId, region, scopeDocuments);
    for (const table of tableRegistry) {
      const wantedScope = region === 'global' ? 'global' : 'regional';
      if (table.scope !== wantedScope) continue;
      const covering = table.coveredBy ?? table.sources.slice(0, 1);
      if (!covering.some((api) => evidence.documents(api).length > 0)) continue;
      try {
        result.push({ table, accountId, region, rows: table.rows(evidence) });
      } catch (error) {
        // A table that cannot read these files is left out, as import leaves it out.
        failures.push(`${table.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return result;
}
