import { z } from 'zod';
import { awsTimestamp } from './account-common-shapes.js';

/** s3api list-buckets (loose: only fields read). */
export const listBucketsResponse = z.looseObject({
  Buckets: z.array(z.looseObject({ Name: z.string(), CreationDate: awsTimestamp.nullish() })),
});

/** s3api get-bucket-policy: the policy as JSON text. */
export const getBucketPolicyResponse = z.looseObject({ Policy: z.string() });

/** s3api get-bucket-location: null or "" for us-east-1, "EU" for eu-west-1. */
export const getBucketLocationResponse = z.looseObject({
  LocationConstraint: z.string().nullish(),
});

/** The region of a bucket from its LocationConstraint, with S3's two historical spellings. */
export function bucketRegion(locationConstraint: string | null | undefined): string {
  if (locationConstraint === undefined || locationConstraint === null) return 'us-east-1';
  if (locationConstraint === '') return 'us-east-1';
  if (locationConstraint === 'EU') return 'eu-west-1';
  return locationConstraint;
}
