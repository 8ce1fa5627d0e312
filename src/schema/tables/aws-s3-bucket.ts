import {
  bucketRegion,
  getBucketLocationResponse,
  getBucketPolicyResponse,
  listBucketsResponse,
} from '../aws-shapes/s3-shapes.js';
import type { Row } from '../column.js';
import type { ScopeEvidence, TableDefinition } from '../table-definition.js';
import {
  akasColumn,
  column,
  placeColumns,
  tagsColumn,
  tagsSrcColumn,
  titleColumn,
} from './account-columns.js';
import { parsedDocuments, RowMerger } from './account-row-values.js';
import { locate, policyColumns } from './iam-row-values.js';

const columns = [
  column('name', 'text', 'The user friendly name of the bucket.'),
  column('arn', 'text', 'The ARN of the AWS S3 Bucket.'),
  column('creation_date', 'timestamptz', 'The date and time when bucket was created.'),
  column(
    'bucket_policy_is_public',
    'boolean',
    'The policy status for an Amazon S3 bucket, indicating whether the bucket is public.',
  ),
  column('versioning_enabled', 'boolean', 'The versioning state of a bucket.'),
  column('versioning_mfa_delete', 'boolean', 'The MFA Delete status of the versioning state.'),
  column(
    'block_public_acls',
    'boolean',
    'Specifies whether Amazon S3 should block public access control lists (ACLs) for this bucket.',
  ),
  column(
    'block_public_policy',
    'boolean',
    'Specifies whether Amazon S3 should block public bucket policies for this bucket.',
  ),
  column(
    'ignore_public_acls',
    'boolean',
    'Specifies whether Amazon S3 should ignore public ACLs for this bucket and its objects.',
  ),
  column(
    'restrict_public_buckets',
    'boolean',
    'Specifies whether Amazon S3 should restrict public bucket policies for this bucket.',
  ),
  column(
    'event_notification_configuration',
    'jsonb',
    'The notification configuration of the bucket.',
  ),
  column(
    'server_side_encryption_configuration',
    'jsonb',
    'The default encryption configuration for an Amazon S3 bucket.',
  ),
  column('acl', 'jsonb', 'The access control list (ACL) of a bucket.'),
  column('lifecycle_rules', 'jsonb', 'The lifecycle configuration information of the bucket.'),
  column('logging', 'jsonb', 'The logging status of a bucket.'),
  column('object_lock_configuration', 'jsonb', "The bucket's object lock configuration."),
  column('object_ownership_controls', 'jsonb', 'The Ownership Controls for an Amazon S3 bucket.'),
  column('policy', 'jsonb', 'The resource IAM access document for the bucket.'),
  column('policy_std', 'jsonb', 'Contains the policy in a canonical form for easier searching.'),
  column('replication', 'jsonb', 'The replication configuration of a bucket.'),
  column('website_configuration', 'jsonb', 'The website configuration information of the bucket.'),
  tagsSrcColumn('bucket'),
  tagsColumn,
  titleColumn,
  akasColumn,
  ...placeColumns('The AWS Region in which the bucket is located.'),
];

/**
 * Buckets from ListBuckets, with their policy (GetBucketPolicy) and region (GetBucketLocation)
 * where those were collected; the other per-bucket settings need calls lateral does not make,
 * so they stay unknown. A bucket whose location was not collected gets the scope's region.
 */
function rows(evidence: ScopeEvidence): Row[] {
  const merger = new RowMerger();
  for (const { body } of parsedDocuments(evidence, 's3:ListBuckets', listBucketsResponse)) {
    for (const bucket of body.Buckets) {
      const arn = `arn:${evidence.partition}:s3:::${bucket.Name}`;
      merger.add(bucket.Name, {
        name: bucket.Name,
        arn,
        creation_date: bucket.CreationDate ?? null,
        title: bucket.Name,
        akas: [arn],
      });
    }
  }
  for (const { body, document } of parsedDocuments(
    evidence,
    's3:GetBucketPolicy',
    getBucketPolicyResponse,
  )) {
    if (document.resourceId === undefined || !merger.has(document.resourceId)) continue;
    const decoded = policyColumns(body.Policy, locate(document, ['Policy']));
    merger.add(document.resourceId, { policy: decoded?.document, policy_std: decoded?.std });
  }
  for (const { body, document } of parsedDocuments(
    evidence,
    's3:GetBucketLocation',
    getBucketLocationResponse,
  )) {
    if (document.resourceId === undefined || !merger.has(document.resourceId)) continue;
    merger.add(document.resourceId, { region: bucketRegion(body.LocationConstraint) });
  }
  return merger.result(columns);
}

/** Steampipe's aws_s3_bucket. */
export const awsS3Bucket: TableDefinition = {
  name: 'aws_s3_bucket',
  scope: 'global',
  columns,
  sources: ['s3:ListBuckets', 's3:GetBucketPolicy', 's3:GetBucketLocation'],
  coveredBy: ['s3:ListBuckets'],
  rows,
  key: (row) => String(row['arn']),
};
