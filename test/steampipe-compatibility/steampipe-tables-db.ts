import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import type { ApiId } from '../../src/evidence/api-catalog.js';
import type { EvidenceDocument } from '../../src/evidence/evidence-document.js';
import { storedColumns, withScopeColumns } from '../../src/schema/common-columns.js';
import { createScopeEvidence } from '../../src/schema/scope-evidence.js';
import { tableRegistry } from '../../src/schema/table-registry.js';
import { parseBigint, pgTypeOid } from '../../src/store/type-parsers.js';
import { sharedDataPath } from '../shared-data.js';

/** One evidence file of the shared data, as the document of an API in an account and region. */
export interface EvidenceFile {
  api: ApiId;
  path: string;
  accountId: string;
  region: string;
}

function documentOf(file: EvidenceFile): EvidenceDocument {
  return {
    api: file.api,
    accountId: file.accountId,
    region: file.region,
    body: JSON.parse(readFileSync(sharedDataPath(file.path), 'utf8')) as unknown,
    source: file.path,
  };
}

/**
 * An embedded Postgres holding every registered table, created with the stored column types
 * (storedColumns), filled by each table's own mapper from real evidence files. The queries then
 * run as a responder would type them, on Postgres itself.
 */
export async function steampipeTablesDb(files: readonly EvidenceFile[]): Promise<PGlite> {
  const db = await PGlite.create({ parsers: { [pgTypeOid.int8]: parseBigint } });
  const scopes = new Map<string, EvidenceDocument[]>();
  for (const file of files) {
    const key = `${file.accountId}/${file.region}`;
    scopes.set(key, [...(scopes.get(key) ?? []), documentOf(file)]);
  }
  for (const table of tableRegistry) {
    const columns = storedColumns(table);
    const types = new Map(columns.map((column) => [column.name, column.type]));
    const definition = columns.map((column) => `"${column.name}" ${column.type}`).join(', ');
    await db.exec(`create table ${table.name} (${definition})`);
    for (const documents of scopes.values()) {
      const first = documents[0];
      if (first === undefined || (first.region === 'global') !== (table.scope === 'global')) {
        continue;
      }
      const scope = createScopeEvidence(first.accountId, first.region, documents);
      for (const row of table.rows(scope).map((partial) => withScopeColumns(partial, scope))) {
        const names = Object.keys(row).filter((name) => types.has(name));
        const values = names.map((name) => {
          const value = row[name] ?? null;
          return types.get(name) === 'jsonb' && value !== null ? JSON.stringify(value) : value;
        });
        const quoted = names.map((name) => `"${name}"`).join(', ');
        const placeholders = names.map((name, index) => `$${index + 1}::${types.get(name)}`);
        await db.query(
          `insert into ${table.name} (${quoted}) values (${placeholders.join(', ')})`,
          values,
        );
      }
    }
  }
  return db;
}

/** The values of one column of a result, sorted, for comparing with what the files hold. */
export function sortedColumn(rows: readonly unknown[], column: string): unknown[] {
  return rows.map((row) => (row as Record<string, unknown>)[column]).sort();
}
