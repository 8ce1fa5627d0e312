import { demoAccountIds as ids } from './demo-accounts.js';
import { policy } from './demo-iam-policies.js';
import type { BucketPlan } from './demo-plan.js';

const denyInsecureTransport = (bucket: string) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

const cloudTrailBucket = `security-cloudtrail-logs-${ids.security}`;

/** The demo's S3 buckets: some with policies, one readable by anyone. */
export const demoBuckets: BucketPlan[] = [
  {
    accountId: ids.management,
    name: `org-billing-reports-${ids.management}`,
    region: 'us-east-1',
    policy: policy(
      {
        Sid: 'AllowBillingReports',
        Effect: 'Allow',
        Principal: { Service: 'billingreports.amazonaws.com' },
        Action: ['s3:GetBucketAcl', 's3:GetBucketPolicy', 's3:PutObject'],
        Resource: [
          `arn:aws:s3:::org-billing-reports-${ids.management}`,
          `arn:aws:s3:::org-billing-reports-${ids.management}/*`,
        ],
        Condition: { StringEquals: { 'aws:SourceAccount': ids.management } },
      },
      denyInsecureTransport(`org-billing-reports-${ids.management}`),
    ),
  },
  { accountId: ids.management, name: `mgmt-backups-${ids.management}`, region: 'eu-west-1' },
  { accountId: ids.management, name: 'example-corp-terraform-state', region: 'us-east-1' },
  {
    accountId: ids.dev,
    name: `render-assets-dev-${ids.dev}`,
    region: 'us-east-1',
    policy: policy(denyInsecureTransport(`render-assets-dev-${ids.dev}`)),
  },
  { accountId: ids.dev, name: `render-output-dev-${ids.dev}`, region: 'us-east-1' },
  { accountId: ids.dev, name: `dev-build-artifacts-${ids.dev}`, region: 'us-east-1' },
  { accountId: ids.dev, name: `dev-eu-batch-input-${ids.dev}`, region: 'eu-west-1' },
  {
    accountId: ids.security,
    name: cloudTrailBucket,
    region: 'us-east-1',
    policy: policy(
      {
        Sid: 'AWSCloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${cloudTrailBucket}`,
      },
      {
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${cloudTrailBucket}/AWSLogs/*`,
        Condition: {
          StringEquals: {
            's3:x-amz-acl': 'bucket-owner-full-control',
            'aws:SourceOrgID': 'o-k3x9wq2m7d',
          },
        },
      },
    ),
  },
  {
    accountId: ids.security,
    name: `forensics-evidence-${ids.security}`,
    region: 'us-east-1',
    policy: policy(
      {
        Sid: 'OnlyForensics',
        Effect: 'Deny',
        NotPrincipal: { AWS: `arn:aws:iam::${ids.security}:role/ForensicsRole` },
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::forensics-evidence-${ids.security}/*`,
      },
      denyInsecureTransport(`forensics-evidence-${ids.security}`),
    ),
  },
  {
    accountId: ids.marketing,
    name: 'meme-factory-public-assets',
    region: 'us-east-1',
    policy: policy({
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::meme-factory-public-assets/*',
    }),
  },
  {
    accountId: ids.marketing,
    name: `marketing-wordpress-uploads-${ids.marketing}`,
    region: 'us-east-1',
  },
  {
    accountId: ids.marketing,
    name: `marketing-analytics-exports-${ids.marketing}`,
    region: 'eu-west-1',
  },
];
