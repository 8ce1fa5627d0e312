import { z } from 'zod';
import { awsInteger, awsTagList, awsTimestamp } from './account-common-shapes.js';

const text = z.string().nullish();
const flag = z.boolean().nullish();
const integer = awsInteger.nullish();
const list = z.array(z.unknown()).nullish();

/** A DB instance as rds describe-db-instances returns it (loose: only fields read). */
export const rdsDbInstance = z.looseObject({
  DBInstanceIdentifier: z.string(),
  DBInstanceArn: z.string(),
  DBClusterIdentifier: text,
  DBInstanceStatus: text,
  DBInstanceClass: text,
  DbiResourceId: text,
  AllocatedStorage: integer,
  AutoMinorVersionUpgrade: flag,
  AvailabilityZone: text,
  BackupRetentionPeriod: integer,
  CACertificateIdentifier: text,
  CharacterSetName: text,
  CopyTagsToSnapshot: flag,
  CustomerOwnedIpEnabled: flag,
  DbInstancePort: integer,
  DBName: text,
  DBSubnetGroup: z
    .looseObject({
      DBSubnetGroupArn: text,
      DBSubnetGroupDescription: text,
      DBSubnetGroupName: text,
      SubnetGroupStatus: text,
      VpcId: text,
      Subnets: list,
    })
    .nullish(),
  DeletionProtection: flag,
  Endpoint: z.looseObject({ Address: text, HostedZoneId: text, Port: integer }).nullish(),
  Engine: text,
  EngineVersion: text,
  EnhancedMonitoringResourceArn: text,
  IAMDatabaseAuthenticationEnabled: flag,
  InstanceCreateTime: awsTimestamp.nullish(),
  Iops: integer,
  KmsKeyId: text,
  LatestRestorableTime: awsTimestamp.nullish(),
  LicenseModel: text,
  MasterUsername: text,
  MaxAllocatedStorage: integer,
  MonitoringInterval: integer,
  MonitoringRoleArn: text,
  MultiAZ: flag,
  NcharCharacterSetName: text,
  PerformanceInsightsEnabled: flag,
  PerformanceInsightsKMSKeyId: text,
  PerformanceInsightsRetentionPeriod: integer,
  PreferredBackupWindow: text,
  PreferredMaintenanceWindow: text,
  PromotionTier: integer,
  PubliclyAccessible: flag,
  ReadReplicaSourceDBInstanceIdentifier: text,
  ReplicaMode: text,
  SecondaryAvailabilityZone: text,
  StorageEncrypted: flag,
  StorageThroughput: integer,
  StorageType: text,
  TdeCredentialArn: text,
  Timezone: text,
  AssociatedRoles: list,
  DBParameterGroups: list,
  DBSecurityGroups: list,
  DomainMemberships: list,
  EnabledCloudwatchLogsExports: z.array(z.string()).nullish(),
  OptionGroupMemberships: list,
  ProcessorFeatures: list,
  ReadReplicaDBClusterIdentifiers: z.array(z.string()).nullish(),
  ReadReplicaDBInstanceIdentifiers: z.array(z.string()).nullish(),
  PendingModifiedValues: z.unknown().optional(),
  StatusInfos: list,
  VpcSecurityGroups: list,
  TagList: awsTagList.nullish(),
});

export const describeDbInstancesResponse = z.looseObject({ DBInstances: z.array(rdsDbInstance) });

export type RdsDbInstance = z.infer<typeof rdsDbInstance>;
