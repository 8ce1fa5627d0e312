/**
 * The graph at scale: fills an in-memory PGlite with an organization shaped like the import
 * benchmark's (200 accounts, 100k instances with an ENI and a volume each, 20k roles with instance
 * profiles, 5k VPCs with subnets, security groups and route tables: ~430k resources), derives the
 * graph, then times the graph API (neighbourhood at depth 2, search) on 1,000 random resources.
 *
 *   npx tsx bench/graph-api-bench.ts [--instances 100000] [--samples 1000] [--trigram]
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { deriveGraph } from '../src/graph/derive-graph.js';
import { createGraphReader } from '../src/graph/graph-reader.js';
import { storedColumns } from '../src/schema/common-columns.js';
import { tableRegistry } from '../src/schema/table-registry.js';
import type { QueryResult, Store, StoreSession } from '../src/store/store.js';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const accounts = 200;
const instances = argument('instances', 100_000);
const samples = argument('samples', 1000);
const vpcs = 5000;
const roles = 20_000;

function sessionOf(db: Pick<PGlite, 'query' | 'exec'>): StoreSession {
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await db.query<T>(sql, params as unknown[] | undefined);
      return { fields: result.fields, rows: result.rows } as QueryResult<T>;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async copyFrom() {
      throw new Error('the benchmark loads rows with SQL');
    },
  };
}

const account = (n: string) => `(100000000000 + (${n}) % ${accounts})::text`;
const hex = (n: string) => `lpad(to_hex(${n}), 17, '0')`;

// Each VPC v belongs to account v % 200; its subnets are 4v..4v+3, its groups 5v..5v+4.
const fillSql = `
insert into aws_vpc (vpc_id, cidr_block, state, account_id, region, partition, tags)
select 'vpc-' || ${hex('v')}, '10.0.0.0/16', 'available', ${account('v')}, 'us-east-1', 'aws',
  jsonb_build_object('Name', 'vpc ' || v)
from generate_series(0, ${vpcs - 1}) v;

insert into aws_vpc_subnet (subnet_id, vpc_id, cidr_block, account_id, region, partition, tags)
select 'subnet-' || ${hex('s')}, 'vpc-' || ${hex('s / 4')}, '10.0.1.0/24', ${account('s / 4')},
  'us-east-1', 'aws', jsonb_build_object('Name', 'subnet ' || s)
from generate_series(0, ${vpcs * 4 - 1}) s;

insert into aws_vpc_security_group (group_id, group_name, vpc_id, account_id, region, partition,
  ip_permissions)
select 'sg-' || ${hex('g')}, 'group ' || g, 'vpc-' || ${hex('g / 5')}, ${account('g / 5')},
  'us-east-1', 'aws', jsonb_build_array(jsonb_build_object('UserIdGroupPairs',
    jsonb_build_array(jsonb_build_object('GroupId', 'sg-' || ${hex('(g / 5) * 5')}))))
from generate_series(0, ${vpcs * 5 - 1}) g;

insert into aws_vpc_route_table (route_table_id, vpc_id, account_id, region, partition,
  associations, routes)
select 'rtb-' || ${hex('v')}, 'vpc-' || ${hex('v')}, ${account('v')}, 'us-east-1', 'aws',
  jsonb_build_array(jsonb_build_object('SubnetId', 'subnet-' || ${hex('v * 4')})),
  jsonb_build_array(jsonb_build_object('GatewayId', 'igw-' || ${hex('v')}))
from generate_series(0, ${vpcs - 1}) v;

insert into aws_iam_role (name, arn, account_id, region, partition, attached_policy_arns,
  instance_profile_arns, assume_role_policy_std)
select 'role-' || r, 'arn:aws:iam::' || ${account('r')} || ':role/role-' || r, ${account('r')},
  'global', 'aws', '["arn:aws:iam::aws:policy/ReadOnlyAccess"]'::jsonb,
  jsonb_build_array('arn:aws:iam::' || ${account('r')} || ':instance-profile/role-' || r),
  jsonb_build_object('Statement', jsonb_build_array(jsonb_build_object('Effect', 'Allow',
    'Principal', jsonb_build_object('Service', jsonb_build_array('ec2.amazonaws.com'),
      'AWS', jsonb_build_array('arn:aws:iam::' || ${account('r + 1')} || ':root')))))
from generate_series(0, ${roles - 1}) r;

-- Instance i lives in VPC v = (i % 25) * 200 + i % 200, which is in the instance's own account.
insert into aws_ec2_instance (instance_id, instance_state, private_ip_address, subnet_id, vpc_id,
  account_id, region, partition, tags, security_groups, network_interfaces,
  block_device_mappings, iam_instance_profile_arn, key_name)
select 'i-' || ${hex('i')}, 'running', ('10.0.' || (i % 250) || '.' || (i / 250 % 250))::inet,
  'subnet-' || ${hex('v * 4 + i % 4')}, 'vpc-' || ${hex('v')}, ${account('i')}, 'us-east-1',
  'aws', jsonb_build_object('Name', 'web ' || i, 'team', 'team ' || (i % 50)),
  jsonb_build_array(jsonb_build_object('GroupId', 'sg-' || ${hex('v * 5 + i % 5')})),
  jsonb_build_array(jsonb_build_object('NetworkInterfaceId', 'eni-' || ${hex('i')})),
  jsonb_build_array(jsonb_build_object('Ebs', jsonb_build_object('VolumeId', 'vol-' || ${hex(
    'i',
  )}))),
  'arn:aws:iam::' || ${account('i')} || ':instance-profile/role-' || (i % ${roles}),
  'key-' || (i % 7)
from (select i, (i % 25) * 200 + i % 200 as v from generate_series(0, ${instances - 1}) i) x;

insert into aws_ec2_network_interface (network_interface_id, subnet_id, attached_instance_id,
  private_ip_address, account_id, region, partition)
select 'eni-' || substr(instance_id, 3), subnet_id, instance_id, private_ip_address, account_id,
  region, partition from aws_ec2_instance;

insert into aws_ebs_volume (volume_id, account_id, region, partition, attachments)
select 'vol-' || substr(instance_id, 3), account_id, region, partition,
  jsonb_build_array(jsonb_build_object('InstanceId', instance_id)) from aws_ec2_instance;

insert into aws_account (account_id, region, partition)
select ${account('a')}, 'global', 'aws' from generate_series(0, ${accounts - 1}) a;
`;

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

function report(name: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const p = (fraction: number) => percentile(sorted, fraction).toFixed(1);
  console.log(`${name}: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms (${times.length})`);
}

// The store's PGlite loads no extension: substring search scans unless --trigram is given.
const trigram = process.argv.includes('--trigram');
const db = await PGlite.create(trigram ? { extensions: { pg_trgm } } : {});
for (const table of tableRegistry) {
  const columns = storedColumns(table).map((column) => `"${column.name}" ${column.type}`);
  await db.exec(`create table public.${table.name} (${columns.join(', ')})`);
}
let started = performance.now();
await db.exec(fillSql);
console.log(`filled the tables in ${((performance.now() - started) / 1000).toFixed(1)} s`);

started = performance.now();
const summary = await db.transaction((tx) => deriveGraph(sessionOf(tx)));
console.log(
  `deriveGraph: ${summary.resources} resources (${summary.placeholders} not collected), ` +
    `${summary.edges} edges in ${((performance.now() - started) / 1000).toFixed(1)} s` +
    ` (trigram search: ${summary.trigramSearch})`,
);
console.log(
  Object.entries(summary.steps)
    .filter(([, ms]) => ms >= 100)
    .map(([name, ms]) => `  ${name}: ${ms} ms`)
    .join('\n'),
);

const session = sessionOf(db);
const store: Store = {
  ...session,
  kind: 'pglite',
  location: 'memory',
  transaction: (work) => db.transaction((tx) => work(sessionOf(tx))),
  readOnlyQuery: (sql) => session.query(sql),
  close: () => db.close(),
};
const reader = createGraphReader(store);
const picks = await db.query<{ key: string; id: string }>(
  `select key, id from "lateral".resource where collected order by random() limit $1`,
  [samples],
);

const neighbourhoodTimes: number[] = [];
let truncated = 0;
let nodes = 0;
for (const { key } of picks.rows) {
  const start = performance.now();
  const graph = await reader.neighbourhood(key, 2);
  neighbourhoodTimes.push(performance.now() - start);
  nodes += graph?.nodes.length ?? 0;
  if (graph?.truncated === true) truncated += 1;
}
report('neighbourhood depth 2', neighbourhoodTimes);
console.log(`  mean ${(nodes / picks.rows.length).toFixed(0)} nodes, ${truncated} cut at the cap`);

const searchTimes: number[] = [];
for (const { id } of picks.rows.slice(0, 200)) {
  const start = performance.now();
  await reader.search(id, 20);
  searchTimes.push(performance.now() - start);
}
report('search by id', searchTimes);
const substringTimes: number[] = [];
for (const text of ['web 12', 'team 7', '10.0.3.', 'eni-000000000000001']) {
  const start = performance.now();
  await reader.search(text, 20);
  substringTimes.push(performance.now() - start);
}
report('search by text', substringTimes);

const detailTimes: number[] = [];
for (const { key } of picks.rows.slice(0, 100)) {
  const start = performance.now();
  await reader.resource(key);
  detailTimes.push(performance.now() - start);
}
report('resource detail', detailTimes);
await db.close();
