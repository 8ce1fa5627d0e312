import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedColumns, withScopeColumns } from '../common-columns.js';
import type { TableDefinition } from '../table-definition.js';
import { accountTables } from './account-tables.js';
import { dataSuite, documentFrom, hasSharedData, scopeOf } from './account-test-support.js';

const demo = 'cloudmapper/account-data/demo/us-east-1';

async function load(db: PGlite, table: TableDefinition, scope: ReturnType<typeof scopeOf>) {
  const columns = storedColumns(table);
  const types = new Map(columns.map((column) => [column.name, column.type]));
  const definition = columns.map((column) => `"${column.name}" ${column.type}`).join(', ');
  await db.exec(`create table ${table.name} (${definition})`);
  for (const row of table.rows(scope).map((partial) => withScopeColumns(partial, scope))) {
    const names = Object.keys(row);
    const values = names.map((name) => {
      const value = row[name];
      return types.get(name) === 'jsonb' && value !== null ? JSON.stringify(value) : value;
    });
    const placeholders = names.map((_, index) => `$${index + 1}`).join(', ');
    const quoted = names.map((name) => `"${name}"`).join(', ');
    await db.query(`insert into ${table.name} (${quoted}) values (${placeholders})`, values);
  }
}

// Steampipe's documented example queries, unchanged, on rows stored in the embedded Postgres.
describe.skipIf(!hasSharedData)(
  dataSuite + 'Steampipe example queries on the embedded Postgres',
  () => {
    const db = new PGlite();

    beforeAll(async () => {
      const scope = scopeOf([
        documentFrom(
          'iam:GetAccountAuthorizationDetails',
          'cloudsplaining/test/files/example-authz-details.json',
        ),
        documentFrom('lambda:ListFunctions', `${demo}/lambda-list-functions.json`),
        documentFrom('s3:ListBuckets', `${demo}/s3-list-buckets.json`),
        documentFrom('s3:GetBucketPolicy', `${demo}/s3-get-bucket-policy/cloudmapper_demo`, {
          resourceId: 'cloudmapper_demo',
        }),
        documentFrom('sts:GetCallerIdentity', `${demo}/sts-get-caller-identity.json`),
      ]);
      for (const table of accountTables) await load(db, table, scope);
    });

    afterAll(async () => {
      await db.close();
    });

    it('finds policy statements that grant service level full access', async () => {
      const result = await db.query<{ name: string; action: string }>(`
      select name, arn, action, s ->> 'Effect' as effect
      from aws_iam_policy,
        jsonb_array_elements(policy_std -> 'Statement') as s,
        jsonb_array_elements_text(s -> 'Action') as action
      where s ->> 'Effect' = 'Allow' and (action = '*' or action like '%:*');`);
      const names = result.rows.map((row) => row.name);
      expect(names).toContain('AdministratorAccess');
      expect(result.rows.find((row) => row.name === 'AdministratorAccess')?.action).toBe('*');
    });

    it('lists roles with inline policies and the attached policies of each role', async () => {
      const inline = await db.query<{ name: string }>(
        'select name, create_date from aws_iam_role where inline_policies is not null;',
      );
      expect(inline.rows.map((row) => row.name).sort()).toEqual([
        'MyOtherRole',
        'MyRole',
        'OverprivilegedEC2',
      ]);
      const attached = await db.query<{ name: string; attached_policy: string }>(`
      select name, description, split_part(policy, '/', 3) as attached_policy
      from aws_iam_role cross join jsonb_array_elements_text(attached_policy_arns) as policy;`);
      expect(attached.rows).toEqual([
        { name: 'OverprivilegedEC2', description: null, attached_policy: '' },
      ]);
    });

    it('finds bucket policy statements that grant external access', async () => {
      const result = await db.query(`
      select title, p as principal, a as action, s ->> 'Effect' as effect,
        s -> 'Condition' as conditions
      from aws_s3_bucket,
        jsonb_array_elements(policy_std -> 'Statement') as s,
        jsonb_array_elements_text(s -> 'Principal' -> 'AWS') as p,
        string_to_array(p, ':') as pa,
        jsonb_array_elements_text(s -> 'Action') as a
      where s ->> 'Effect' = 'Allow' and (pa[5] != account_id or p = '*');`);
      expect(result.rows).toEqual([
        {
          title: 'cloudmapper_demo',
          principal: '*',
          action: 's3:getobject',
          effect: 'Allow',
          conditions: null,
        },
      ]);
    });

    it('counts functions by runtime and reads the account', async () => {
      const runtimes = await db.query(
        'select runtime, count(*) from aws_lambda_function group by runtime;',
      );
      expect(runtimes.rows).toEqual([{ runtime: 'nodejs8.10', count: 1 }]);
      const account = await db.query('select arn, title, account_id from aws_account;');
      expect(account.rows).toEqual([
        { arn: 'arn:aws:::123456789012', title: '123456789012', account_id: '123456789012' },
      ]);
    });
  },
);
