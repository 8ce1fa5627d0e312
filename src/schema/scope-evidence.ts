import type { ApiId } from '../evidence/api-catalog.js';
import type { EvidenceDocument } from '../evidence/evidence-document.js';
import { partitionOfRegion } from './common-columns.js';
import type { ScopeEvidence } from './table-definition.js';

/** The evidence of one scope, from documents that all belong to its account and region. */
export function createScopeEvidence(
  accountId: string,
  region: string,
  documents: readonly EvidenceDocument[],
  partition: string = partitionOfRegion(region),
): ScopeEvidence {
  const byApi = new Map<ApiId, EvidenceDocument[]>();
  for (const document of documents) {
    const list = byApi.get(document.api);
    if (list === undefined) byApi.set(document.api, [document]);
    else list.push(document);
  }
  return {
    accountId,
    region,
    partition,
    documents: (api) => byApi.get(api) ?? [],
  };
}
