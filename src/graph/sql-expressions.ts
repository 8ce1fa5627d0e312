/**
 * SQL fragments shared by the resource-type and relationship-rule registries. They are plain
 * strings over a row alias (`r` unless given), so the browser can import the registries too.
 */

/** The partition of the row, `aws` where the row leaves it out. */
export function partitionOf(alias = 'r'): string {
  return `coalesce(${alias}.partition, 'aws')`;
}

/**
 * The ARN of an EC2 resource, built the way AWS builds it (`arn:aws:ec2:us-east-1:1111:subnet/
 * subnet-1`), so that a reference by id (an instance's subnet_id) and the resource's own row
 * give the same key.
 */
export function ec2Key(
  kind: string,
  idSql: string,
  place: { alias?: string; region?: string; account?: string } = {},
): string {
  const alias = place.alias ?? 'r';
  const region = place.region ?? `${alias}.region`;
  const account = place.account ?? `${alias}.account_id`;
  return (
    `('arn:' || ${partitionOf(alias)} || ':ec2:' || ${region} || ':' || ${account}` +
    ` || ':${kind}/' || ${idSql})`
  );
}

/** The key of an account: the ARN-shaped `arn:aws:::111122223333` Steampipe's aws_account uses. */
export function accountKey(accountSql: string, partitionSql = `'aws'`): string {
  return `('arn:' || ${partitionSql} || ':::' || ${accountSql})`;
}

/** The account id in an ARN (its fifth field), or null (AWS-managed policies say `aws`). */
export function arnAccount(arnSql: string): string {
  return `(case when split_part(${arnSql}, ':', 5) ~ '^[0-9]{12}$' then split_part(${arnSql}, ':', 5) end)`;
}

/** The partition in an ARN (its second field). */
export function arnPartition(arnSql: string): string {
  return `coalesce(nullif(split_part(${arnSql}, ':', 2), ''), 'aws')`;
}

/** The last path segment of an ARN's resource: a role's or a profile's name. */
export function arnName(arnSql: string): string {
  return `regexp_replace(${arnSql}, '^.*[/:]', '')`;
}

/** The elements of a jsonb array column, none when it is null or not an array. */
export function jsonbElements(columnSql: string): string {
  return (
    `jsonb_array_elements(case jsonb_typeof(${columnSql}) when 'array' then ${columnSql}` +
    ` else '[]'::jsonb end)`
  );
}

/** The Name tag, else the given fallback. */
export function nameTagOr(fallbackSql: string, alias = 'r'): string {
  return `coalesce(nullif(${alias}.tags ->> 'Name', ''), ${fallbackSql})`;
}
