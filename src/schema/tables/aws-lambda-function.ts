import {
  listFunctionsResponse,
  type LambdaFunctionConfiguration,
} from '../aws-shapes/lambda-shapes.js';
import type { Row } from '../column.js';
import type { ScopeEvidence, TableDefinition } from '../table-definition.js';
import {
  akasColumn,
  column,
  regionalPlaceColumns,
  tagsColumn,
  titleColumn,
} from './account-columns.js';
import { arnAkas, completeRow, known, parsedDocuments } from './account-row-values.js';

const columns = [
  column('name', 'text', 'The name of the function.'),
  column('arn', 'text', "The function's Amazon Resource Name (ARN)."),
  column('code_sha_256', 'text', "The SHA256 hash of the function's deployment package."),
  column('code_size', 'bigint', "The size of the function's deployment package, in bytes."),
  column(
    'dead_letter_config_target_arn',
    'text',
    'The Amazon Resource Name (ARN) of an Amazon SQS queue or Amazon SNS topic.',
  ),
  column('description', 'text', "The function's description."),
  column('handler', 'text', 'The function that Lambda calls to begin executing your function.'),
  column(
    'kms_key_arn',
    'text',
    "The KMS key that's used to encrypt the function's environment variables.",
  ),
  column('last_modified', 'timestamptz', 'The date and time that the function was last updated.'),
  column(
    'timeout',
    'text',
    'The amount of time in seconds that Lambda allows a function to run before stopping it.',
  ),
  column('version', 'text', 'The version of the Lambda function.'),
  column('package_type', 'text', 'The type of deployment package.'),
  column('master_arn', 'text', 'For Lambda@Edge functions, the ARN of the master function.'),
  column('memory_size', 'bigint', "The memory that's allocated to the function."),
  column('revision_id', 'text', 'The latest updated revision of the function or alias.'),
  column('role', 'text', "The function's execution role."),
  column('runtime', 'text', 'The runtime environment for the Lambda function.'),
  column('state', 'text', 'The current state of the function.'),
  column('state_reason', 'text', "The reason for the function's current state."),
  column('state_reason_code', 'text', "The reason code for the function's current state."),
  column(
    'last_update_status',
    'text',
    'The status of the last update that was performed on the function.',
  ),
  column(
    'last_update_status_reason',
    'text',
    'The reason for the last update that was performed on the function.',
  ),
  column(
    'last_update_status_reason_code',
    'text',
    'The reason code for the last update that was performed on the function.',
  ),
  column(
    'reserved_concurrent_executions',
    'bigint',
    'The number of concurrent executions that are reserved for this function.',
  ),
  column('vpc_id', 'text', 'The VPC ID that is attached to Lambda function.'),
  column('architectures', 'jsonb', 'The instruction set architecture that the function supports.'),
  column('code', 'jsonb', 'The deployment package of the function or version.'),
  column(
    'environment_variables',
    'jsonb',
    'The environment variables that are accessible from function code during execution.',
  ),
  column('file_system_configs', 'jsonb', 'Connection settings for an Amazon EFS file system.'),
  column('policy', 'jsonb', 'The resource-based iam policy of Lambda function.'),
  column('policy_std', 'jsonb', 'Contains the policy in a canonical form for easier searching.'),
  column('tracing_config', 'jsonb', "The function's X-Ray tracing configuration."),
  column('snap_start', 'jsonb', 'The SnapStart setting of the function.'),
  column('url_config', 'jsonb', 'The function URL configuration details of the function.'),
  column(
    'vpc_security_group_ids',
    'jsonb',
    'A list of VPC security groups IDs attached to Lambda function.',
  ),
  column('vpc_subnet_ids', 'jsonb', 'A list of VPC subnet IDs attached to Lambda function.'),
  titleColumn,
  tagsColumn,
  akasColumn,
  column('layers', 'jsonb', "The function's layers."),
  ...regionalPlaceColumns,
];

/**
 * A function as ListFunctions describes it. GetFunction, GetPolicy and GetFunctionUrlConfig are
 * not collected, so reserved concurrency, code location, tags, policy and URL stay unknown.
 */
function functionRow(fn: LambdaFunctionConfiguration): Row {
  return {
    name: fn.FunctionName,
    arn: fn.FunctionArn,
    code_sha_256: known(fn.CodeSha256),
    code_size: known(fn.CodeSize),
    dead_letter_config_target_arn: known(fn.DeadLetterConfig?.TargetArn),
    description: known(fn.Description),
    handler: known(fn.Handler),
    kms_key_arn: known(fn.KMSKeyArn),
    last_modified: known(fn.LastModified),
    // Steampipe's column is text.
    timeout: fn.Timeout === undefined || fn.Timeout === null ? null : String(fn.Timeout),
    version: known(fn.Version),
    package_type: known(fn.PackageType),
    master_arn: known(fn.MasterArn),
    memory_size: known(fn.MemorySize),
    revision_id: known(fn.RevisionId),
    role: known(fn.Role),
    runtime: known(fn.Runtime),
    state: known(fn.State),
    state_reason: known(fn.StateReason),
    state_reason_code: known(fn.StateReasonCode),
    last_update_status: known(fn.LastUpdateStatus),
    last_update_status_reason: known(fn.LastUpdateStatusReason),
    last_update_status_reason_code: known(fn.LastUpdateStatusReasonCode),
    vpc_id: known(fn.VpcConfig?.VpcId),
    architectures: known(fn.Architectures),
    environment_variables: known(fn.Environment?.Variables),
    file_system_configs: known(fn.FileSystemConfigs),
    tracing_config: known(fn.TracingConfig),
    snap_start: known(fn.SnapStart),
    vpc_security_group_ids: known(fn.VpcConfig?.SecurityGroupIds),
    vpc_subnet_ids: known(fn.VpcConfig?.SubnetIds),
    layers: known(fn.Layers),
    title: fn.FunctionName,
    akas: arnAkas(fn.FunctionArn),
  };
}

function rows(evidence: ScopeEvidence): Row[] {
  return parsedDocuments(evidence, 'lambda:ListFunctions', listFunctionsResponse).flatMap(
    ({ body, document }) =>
      body.Functions.map((fn) =>
        completeRow({ ...functionRow(fn), region: document.region }, columns),
      ),
  );
}

/** Steampipe's aws_lambda_function. */
export const awsLambdaFunction: TableDefinition = {
  name: 'aws_lambda_function',
  scope: 'regional',
  columns,
  sources: ['lambda:ListFunctions'],
  rows,
  key: (row) => String(row['arn']),
};
