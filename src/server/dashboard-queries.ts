import type { CoverageNote } from '../graph/graph-model.js';
import type { StoreSession } from '../store/store.js';
import type { AccountSummary, DashboardSummary, ResourceCount } from './api-types.js';

interface CountRow {
  account_id: string | null;
  type: string;
  count: string | number;
  placeholders: string | number;
}

interface AccountRow {
  account_id: string;
  name: string | null;
}

async function relationExists(store: StoreSession, name: string): Promise<boolean> {
  const result = await store.query<{ found: string | null }>(
    'select to_regclass($1)::text as found',
    [name],
  );
  const found = result.rows[0]?.found;
  return found !== null && found !== undefined;
}

/** Resource counts by account and type, and the accounts with their names, from the graph. */
export async function readDashboardSummary(store: StoreSession): Promise<DashboardSummary> {
  // A store nothing was imported into has no graph yet: it is empty, not broken.
  if (!(await relationExists(store, 'public.lateral_resource')))
    return { accounts: [], counts: [] };
  const counts = await store.query<CountRow>(
    `select account_id, type, count(*) as count,
            count(*) filter (where not collected) as placeholders
       from lateral_resource
      group by account_id, type
      order by account_id nulls last, type`,
  );
  const accounts = await store.query<AccountRow>(
    `select id as account_id, nullif(name, id) as name
       from lateral_resource
      where type = 'aws_account'
      order by id`,
  );
  const known = new Map<string, AccountSummary>();
  for (const row of accounts.rows)
    known.set(row.account_id, { accountId: row.account_id, name: row.name });
  const resourceCounts: ResourceCount[] = counts.rows.map((row) => ({
    accountId: row.account_id,
    type: row.type,
    count: Number(row.count),
    placeholders: Number(row.placeholders),
  }));
  for (const count of resourceCounts) {
    if (count.accountId !== null && !known.has(count.accountId)) {
      known.set(count.accountId, { accountId: count.accountId, name: null });
    }
  }
  return {
    accounts: [...known.values()].sort((a, b) => a.accountId.localeCompare(b.accountId)),
    counts: resourceCounts,
  };
}

interface GapRow {
  account_id: string | null;
  region: string | null;
  service: string | null;
  api: string | null;
  error_code: string | null;
  message: string | null;
}

const gapLimit = 500;

/**
 * Everything the snapshots recorded as not collected (calls denied, files unusable), for the
 * first page: a responder must see what is unknown before reading "none" anywhere.
 */
export async function readCoverageNotes(store: StoreSession): Promise<CoverageNote[]> {
  if (!(await relationExists(store, '"lateral".snapshot_gap'))) return [];
  const result = await store.query<GapRow>(
    `select distinct account_id, region, service, api, error_code, message
       from "lateral".snapshot_gap
      order by account_id nulls first, region nulls first, service, api
      limit ${gapLimit}`,
  );
  return result.rows.map((row) => ({
    accountId: row.account_id,
    region: row.region,
    service: row.service,
    message:
      row.message ??
      `${row.api ?? row.service ?? 'A call'} was not collected` +
        (row.error_code === null ? '' : ` (${row.error_code})`),
  }));
}
