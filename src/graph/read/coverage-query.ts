/**
 * What was not collected that a resource page depends on: the snapshot's recorded gaps for the
 * resource's account, and the tables the resource's relationships read that no snapshot covers
 * for its account and region (lateral.visible_scope lists the covered scopes).
 */
import { apiSpec } from '../../evidence/api-catalog.js';
import { tableRegistry } from '../../schema/table-registry.js';
import type { StoreSession } from '../../store/store.js';
import type { CoverageNote, ResourceNode } from '../graph-model.js';
import { relationshipRules } from '../relationship-rules.js';
import { resourceTypeSpec } from '../resource-types.js';

const serviceNames: Record<string, string> = {
  ec2: 'EC2',
  iam: 'IAM',
  lambda: 'Lambda',
  rds: 'RDS',
  s3: 'S3',
  organizations: 'Organizations',
  sts: 'STS',
};

/** The tables whose rows make this type's nodes and its neighbours' nodes. */
function tablesBehind(resourceType: string): Set<string> {
  const types = new Set([resourceType]);
  for (const rule of relationshipRules) {
    if (rule.from.includes(resourceType) || rule.to.includes(resourceType)) {
      for (const type of [...rule.from, ...rule.to]) types.add(type);
    }
  }
  const tables = new Set<string>();
  for (const type of types) {
    for (const source of resourceTypeSpec(type).sources) tables.add(source.table);
  }
  return tables;
}

async function relationExists(session: StoreSession, name: string): Promise<boolean> {
  const result = await session.query<{ found: string | null }>(
    'select to_regclass($1)::text as found',
    [name],
  );
  return result.rows[0]?.found !== null && result.rows[0]?.found !== undefined;
}

interface GapRow {
  account_id: string | null;
  region: string | null;
  service: string | null;
  api: string | null;
  error_code: string | null;
  message: string | null;
}

async function gapNotes(session: StoreSession, node: ResourceNode): Promise<CoverageNote[]> {
  if (!(await relationExists(session, '"lateral".snapshot_gap'))) return [];
  const result = await session.query<GapRow>(
    `select distinct account_id, region, service, api, error_code, message
     from "lateral".snapshot_gap
     where snapshot_id in (select snapshot_id from "lateral".visible_scope)
       and (account_id = $1 or account_id is null)
       and (region is null or region = $2 or region = 'global')
     limit 50`,
    [node.accountId, node.region],
  );
  return result.rows.map((row) => ({
    accountId: row.account_id,
    region: row.region,
    service: row.service,
    message: gapMessage(row),
  }));
}

/** "ec2:DescribeInstances in eu-west-1 of account 1111… was not collected (AccessDenied)". */
function gapMessage(row: GapRow): string {
  const call =
    row.api ?? (row.service === null ? 'A call' : (serviceNames[row.service] ?? row.service));
  const where = [
    row.region === null || row.region === 'global' ? '' : ` in ${row.region}`,
    row.account_id === null ? '' : ` of account ${row.account_id}`,
  ].join('');
  const code = row.error_code === null ? '' : ` (${row.error_code})`;
  const detail = row.message === null || row.message === '' ? '' : `: ${row.message}`;
  return `${call}${where} was not collected${code}${detail}`;
}

async function uncoveredNotes(session: StoreSession, node: ResourceNode): Promise<CoverageNote[]> {
  if (node.accountId === null || !(await relationExists(session, '"lateral".visible_scope'))) {
    return [];
  }
  const wanted = tableRegistry.filter((table) => tablesBehind(node.type).has(table.name));
  const result = await session.query<{ table_name: string; region: string }>(
    `select distinct table_name, region from "lateral".visible_scope
     where account_id = $1 and table_name = any($2::text[])`,
    [node.accountId, wanted.map((table) => table.name)],
  );
  const covered = new Set(result.rows.map((row) => `${row.table_name}/${row.region}`));
  const coveredSomewhere = new Set(result.rows.map((row) => row.table_name));
  const missing = new Map<string, CoverageNote>();
  for (const table of wanted) {
    // Only the management account (or a delegated administrator) can list the organization.
    if (table.name === 'aws_organizations_account') continue;
    const region = table.scope === 'global' ? 'global' : node.region;
    if (region === null || covered.has(`${table.name}/${region}`)) continue;
    // A global resource (a role) relates to regional ones in every region: any region will do.
    if (region === 'global' && coveredSomewhere.has(table.name)) continue;
    const firstSource = table.sources[0];
    const service = firstSource === undefined ? table.name : apiSpec(firstSource).service;
    const place = region === 'global' ? '' : ` in ${region}`;
    const name = serviceNames[service] ?? service;
    const id = `${service}/${region}`;
    const note = missing.get(id);
    if (note === undefined) {
      missing.set(id, {
        accountId: node.accountId,
        region,
        service,
        message: `${name}${place} for account ${node.accountId} was not collected (${table.name})`,
      });
    } else {
      note.message = note.message.replace(/\)$/, `, ${table.name})`);
    }
  }
  return [...missing.values()];
}

export async function queryCoverage(
  session: StoreSession,
  node: ResourceNode,
): Promise<CoverageNote[]> {
  return [...(await uncoveredNotes(session, node)), ...(await gapNotes(session, node))];
}
