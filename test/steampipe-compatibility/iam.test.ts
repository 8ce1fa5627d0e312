import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataSkipNote } from '../shared-data.js';
import { sortedColumn, steampipeTablesDb } from './steampipe-tables-db.js';

const skipNote = hasSharedData ? '' : `[${sharedDataSkipNote}] `;

const administrator = 'arn:aws:iam::aws:policy/AdministratorAccess';

// Queries in the style of Steampipe's documented examples, on cloudsplaining's authz details.
describe.skipIf(!hasSharedData)(skipNote + 'Steampipe-style IAM queries on real evidence', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await steampipeTablesDb([
      {
        api: 'iam:GetAccountAuthorizationDetails',
        path: 'cloudsplaining/test/files/example-authz-details.json',
        accountId: '123456789012',
        region: 'global',
      },
    ]);
  });
  afterAll(async () => {
    await db.close();
  });

  it('finds users and groups with AdministratorAccess, with ? and split_part', async () => {
    const users = await db.query(`select name from aws_iam_user where attached_policy_arns ? $1`, [
      administrator,
    ]);
    expect(sortedColumn(users.rows, 'name')).toEqual(['user-o']);
    const groups = await db.query(`
      select name as group_name, iam_user ->> 'UserName' as user_name
      from aws_iam_group
        cross join jsonb_array_elements(users) as iam_user,
        jsonb_array_elements_text(attached_policy_arns) as attachments
      where split_part(attachments, '/', 2) = 'AdministratorAccess'
      order by user_name`);
    expect(groups.rows).toEqual([
      { group_name: 'admin', user_name: 'user-o' },
      { group_name: 'admin', user_name: 'userwithlotsofpermissions' },
    ]);
  });

  it('joins a role to the statements of its attached policies', async () => {
    const result = await db.query(`
      select r.name as role_name, p.name as policy_name, action
      from aws_iam_role as r,
        jsonb_array_elements_text(r.attached_policy_arns) as policy_arn,
        aws_iam_policy as p,
        jsonb_array_elements(p.policy_std -> 'Statement') as stmt,
        jsonb_array_elements_text(stmt -> 'Action') as action
      where policy_arn = p.arn and stmt ->> 'Effect' = 'Allow' and r.name = 'OverprivilegedEC2'
      order by action`);
    // policy_std lowercases actions, as Steampipe's canonical form does.
    expect(result.rows).toEqual([
      { role_name: 'OverprivilegedEC2', policy_name: 'InsecurePolicy', action: 's3:putobject' },
      { role_name: 'OverprivilegedEC2', policy_name: 'InsecurePolicy', action: 's3:putobjectacl' },
    ]);
  });

  it('lists instance profiles by Steampipe name with their roles and create_date', async () => {
    const result = await db.query(`
      select ip.instance_profile_name, role ->> 'RoleName' as role_name, p.policy_name
      from aws_iam_instance_profile as ip,
        jsonb_array_elements(roles) as role,
        aws_iam_role as r,
        jsonb_array_elements_text(r.attached_policy_arns) as policy_arn,
        aws_iam_policy as p
      where r.arn = role ->> 'Arn' and p.arn = policy_arn
        and ip.create_date < timestamptz '2018-08-21 00:00:00Z'`);
    expect(result.rows).toEqual([
      {
        instance_profile_name: 'OverprivilegedEC2',
        role_name: 'OverprivilegedEC2',
        policy_name: 'InsecurePolicy',
      },
    ]);
  });
});
