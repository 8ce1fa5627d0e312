import { z } from 'zod';
import { awsInteger, awsTimestamp } from './account-common-shapes.js';

/** A function's configuration as lambda list-functions returns it (loose: only fields read). */
export const lambdaFunctionConfiguration = z.looseObject({
  FunctionName: z.string(),
  FunctionArn: z.string(),
  CodeSha256: z.string().nullish(),
  CodeSize: awsInteger.nullish(),
  DeadLetterConfig: z.looseObject({ TargetArn: z.string().nullish() }).nullish(),
  Description: z.string().nullish(),
  Handler: z.string().nullish(),
  KMSKeyArn: z.string().nullish(),
  LastModified: awsTimestamp.nullish(),
  Timeout: awsInteger.nullish(),
  Version: z.string().nullish(),
  PackageType: z.string().nullish(),
  MasterArn: z.string().nullish(),
  MemorySize: awsInteger.nullish(),
  RevisionId: z.string().nullish(),
  Role: z.string().nullish(),
  Runtime: z.string().nullish(),
  State: z.string().nullish(),
  StateReason: z.string().nullish(),
  StateReasonCode: z.string().nullish(),
  LastUpdateStatus: z.string().nullish(),
  LastUpdateStatusReason: z.string().nullish(),
  LastUpdateStatusReasonCode: z.string().nullish(),
  VpcConfig: z
    .looseObject({
      VpcId: z.string().nullish(),
      SubnetIds: z.array(z.string()).nullish(),
      SecurityGroupIds: z.array(z.string()).nullish(),
    })
    .nullish(),
  Architectures: z.array(z.string()).nullish(),
  Environment: z.looseObject({ Variables: z.record(z.string(), z.string()).nullish() }).nullish(),
  FileSystemConfigs: z.array(z.unknown()).nullish(),
  TracingConfig: z.unknown().optional(),
  SnapStart: z.unknown().optional(),
  Layers: z.array(z.unknown()).nullish(),
});

export const listFunctionsResponse = z.looseObject({
  Functions: z.array(lambdaFunctionConfiguration),
});

export type LambdaFunctionConfiguration = z.infer<typeof lambdaFunctionConfiguration>;
