import type { ApiId } from '../evidence/api-catalog.js';
import { apiCatalog } from '../evidence/api-catalog.js';

/** One AWS object as the aws CLI prints it (PascalCase keys). */
export type AwsObject = Record<string, unknown>;

/** The regional list APIs a generated region holds, with the key each response lists under. */
export const regionalListApis: readonly { api: ApiId; listKey: string }[] = apiCatalog
  .filter((spec) => spec.scope === 'regional' && spec.listKey !== undefined)
  .map((spec) => ({ api: spec.id, listKey: spec.listKey as string }));

/**
 * The listed items of every regional API of one account and region, gathered while a generator
 * builds the organization, then written as one aws CLI response per API. Every API gets a file,
 * empty or not: an empty list that was collected is evidence of absence, a missing file is not.
 */
export class RegionEvidence {
  private readonly items = new Map<ApiId, AwsObject[]>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  add(api: ApiId, item: AwsObject): void {
    const list = this.items.get(api) ?? [];
    list.push(item);
    this.items.set(api, list);
  }

  list(api: ApiId): readonly AwsObject[] {
    return this.items.get(api) ?? [];
  }

  /** The response bodies, one per regional list API. */
  responses(): { api: ApiId; body: AwsObject }[] {
    return regionalListApis.map(({ api, listKey }) => ({
      api,
      body: { [listKey]: this.list(api) },
    }));
  }
}

/** Every region's evidence of a generated organization, by account then region. */
export class EvidenceBook {
  private readonly regions = new Map<string, RegionEvidence>();

  region(accountId: string, region: string): RegionEvidence {
    const key = `${accountId}/${region}`;
    let evidence = this.regions.get(key);
    if (evidence === undefined) {
      evidence = new RegionEvidence(accountId, region);
      this.regions.set(key, evidence);
    }
    return evidence;
  }

  all(): RegionEvidence[] {
    return [...this.regions.values()];
  }
}
