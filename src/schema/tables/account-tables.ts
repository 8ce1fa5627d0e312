import type { TableDefinition } from '../table-definition.js';
import { awsAccount } from './aws-account.js';
import { awsIamGroup } from './aws-iam-group.js';
import { awsIamInstanceProfile } from './aws-iam-instance-profile.js';
import { awsIamPolicy } from './aws-iam-policy.js';
import { awsIamRole } from './aws-iam-role.js';
import { awsIamUser } from './aws-iam-user.js';
import { awsLambdaFunction } from './aws-lambda-function.js';
import { awsOrganizationsAccount } from './aws-organizations-account.js';
import { awsRdsDbInstance } from './aws-rds-db-instance.js';
import { awsS3Bucket } from './aws-s3-bucket.js';

/** IAM, Lambda, RDS, S3, Organizations and the account itself. */
export const accountTables: readonly TableDefinition[] = [
  awsIamUser,
  awsIamGroup,
  awsIamRole,
  awsIamPolicy,
  awsIamInstanceProfile,
  awsLambdaFunction,
  awsRdsDbInstance,
  awsS3Bucket,
  awsOrganizationsAccount,
  awsAccount,
];
