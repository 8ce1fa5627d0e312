import { readFileSync, readdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath, sharedDataSkipNote } from '../../../test/shared-data.js';
import type { ApiId } from '../../evidence/api-catalog.js';
import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import { EvidenceError } from '../../evidence/evidence-error.js';
import type { ColumnDefinition } from '../column.js';
import { storedColumns } from '../common-columns.js';
import { createScopeEvidence } from '../scope-evidence.js';
import type { ScopeEvidence } from '../table-definition.js';
import { ec2Tables } from './ec2-tables.js';

// Where ../shared/data is absent, the suites below are skipped and say why in their names.
const skipNote = hasSharedData ? '' : ` (${sharedDataSkipNote})`;

/** Every real EC2 evidence file: CloudMapper's demo account and cloud-custodian's captures. */
function realScopes(): { name: string; evidence: ScopeEvidence }[] {
  const cloudMapperDir = sharedDataPath('cloudmapper/account-data/demo/us-east-1');
  const cloudMapperApis: Record<string, ApiId> = {
    'ec2-describe-instances.json': 'ec2:DescribeInstances',
    'ec2-describe-network-interfaces.json': 'ec2:DescribeNetworkInterfaces',
    'ec2-describe-security-groups.json': 'ec2:DescribeSecurityGroups',
    'ec2-describe-subnets.json': 'ec2:DescribeSubnets',
    'ec2-describe-vpc-peering-connections.json': 'ec2:DescribeVpcPeeringConnections',
    'ec2-describe-vpcs.json': 'ec2:DescribeVpcs',
  };
  const documentOf = (api: ApiId, file: string): EvidenceDocument => ({
    api,
    accountId: '123456789012',
    region: 'us-east-1',
    body: JSON.parse(readFileSync(file, 'utf8')),
    source: file,
  });
  const scopes = [
    {
      name: 'cloudmapper demo',
      evidence: createScopeEvidence(
        '123456789012',
        'us-east-1',
        Object.entries(cloudMapperApis).map(([file, api]) =>
          documentOf(api, `${cloudMapperDir}/${file}`),
        ),
      ),
    },
  ];
  const capturesDir = sharedDataPath('aws-api-captures');
  // A case's numbered files are successive reads (before and after a change): one scope each.
  for (const caseName of readdirSync(capturesDir)) {
    const byRead = new Map<string, EvidenceDocument[]>();
    for (const file of readdirSync(`${capturesDir}/${caseName}`)) {
      const match = /^ec2\.(Describe\w+)_(\d+)\.json$/.exec(file);
      if (match === null) continue;
      const documents = byRead.get(match[2] ?? '') ?? [];
      documents.push(documentOf(`ec2:${match[1] ?? ''}`, `${capturesDir}/${caseName}/${file}`));
      byRead.set(match[2] ?? '', documents);
    }
    for (const [read, documents] of byRead) {
      scopes.push({
        name: `${caseName} read ${read}`,
        evidence: createScopeEvidence('123456789012', 'us-east-1', documents),
      });
    }
  }
  return scopes;
}

function matchesType(value: unknown, column: ColumnDefinition): boolean {
  if (value === null || value === undefined) return true;
  switch (column.type) {
    case 'text':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'bigint':
      return Number.isInteger(value);
    case 'double precision':
      return typeof value === 'number';
    case 'timestamptz':
      return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value);
    case 'inet':
      return typeof value === 'string' && isIP(value) !== 0;
    case 'cidr':
      return typeof value === 'string' && isIP(value.split('/')[0] ?? '') !== 0;
    case 'jsonb':
      return JSON.stringify(value) !== undefined;
  }
}

describe('the EC2 and VPC table definitions', () => {
  it('are the 14 Steampipe tables, each with unique lower snake_case column names', () => {
    expect(ec2Tables.map((table) => table.name).sort()).toEqual([
      'aws_ebs_volume',
      'aws_ec2_instance',
      'aws_ec2_key_pair',
      'aws_ec2_network_interface',
      'aws_vpc',
      'aws_vpc_eip',
      'aws_vpc_internet_gateway',
      'aws_vpc_nat_gateway',
      'aws_vpc_network_acl',
      'aws_vpc_peering_connection',
      'aws_vpc_route_table',
      'aws_vpc_security_group',
      'aws_vpc_security_group_rule',
      'aws_vpc_subnet',
    ]);
    for (const table of ec2Tables) {
      const names = storedColumns(table).map((column) => column.name);
      expect(new Set(names).size, table.name).toBe(names.length);
      for (const name of names) expect(name, table.name).toMatch(/^_?[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      for (const column of table.columns) expect(column.description.length).toBeGreaterThan(5);
    }
  });

  it('give no rows for a scope without their evidence', () => {
    const empty = createScopeEvidence('123456789012', 'us-east-1', []);
    for (const table of ec2Tables) expect(table.rows(empty), table.name).toEqual([]);
  });
});

describe.skipIf(!hasSharedData)(`rows of every real EC2 evidence file${skipNote}`, () => {
  const scopes = hasSharedData ? realScopes() : [];

  it('hold only declared columns, with values of the column type and unique keys', () => {
    let rowCount = 0;
    for (const { name, evidence } of scopes) {
      for (const table of ec2Tables) {
        const byName = new Map(storedColumns(table).map((column) => [column.name, column]));
        const rows = table.rows(evidence);
        const keys = rows.map((row) => table.key(row));
        expect(new Set(keys).size, `${table.name} in ${name}`).toBe(keys.length);
        for (const row of rows) {
          rowCount += 1;
          for (const [columnName, value] of Object.entries(row)) {
            const column = byName.get(columnName);
            expect(column, `${table.name}.${columnName}`).toBeDefined();
            if (column !== undefined) {
              expect(
                matchesType(value, column),
                `${table.name}.${columnName} = ${String(value)}`,
              ).toBe(true);
            }
          }
          expect(row['region']).toBe('us-east-1');
          expect(row['account_id']).toBe('123456789012');
        }
      }
    }
    // A guard against a mapping that silently yields nothing: the files hold well over 150.
    expect(rowCount).toBeGreaterThan(150);
  });
});

describe('evidence of the wrong shape', () => {
  const instances = ec2Tables.find((table) => table.name === 'aws_ec2_instance');
  const scopeWith = (body: unknown) =>
    createScopeEvidence('123456789012', 'eu-west-1', [
      {
        api: 'ec2:DescribeInstances',
        accountId: '123456789012',
        region: 'eu-west-1',
        body,
        source: 'evidence/eu-west-1/ec2-describe-instances.json',
      },
    ]);

  it('names the file and the JSON path, never the value', () => {
    expect(() => instances?.rows(scopeWith({ Reservations: 'secret-value' }))).toThrow(
      EvidenceError,
    );
    try {
      instances?.rows(scopeWith({ Reservations: 'secret-value' }));
    } catch (error) {
      expect(String(error)).toContain('evidence/eu-west-1/ec2-describe-instances.json');
      expect(String(error)).toContain('$.Reservations');
      expect(String(error)).not.toContain('secret-value');
    }
    const wrongId = { Reservations: [{ Instances: [{ InstanceId: 12345 }] }] };
    expect(() => instances?.rows(scopeWith(wrongId))).toThrow(
      /\$\.Reservations\[0\]\.Instances\[0\]\.InstanceId: expected string, found a number/,
    );
    expect(() => instances?.rows(scopeWith(wrongId))).not.toThrow(/12345/);
  });

  it('ignores unknown extra fields', () => {
    const rows = instances?.rows(
      scopeWith({
        Reservations: [{ Instances: [{ InstanceId: 'i-1', FutureField: { x: 1 } }], New: 2 }],
        NextToken: null,
      }),
    );
    expect(rows?.map((row) => row['arn'])).toEqual([
      'arn:aws:ec2:eu-west-1:123456789012:instance/i-1',
    ]);
  });
});
