import { z } from 'zod';
import {
  anyJson,
  optionalBoolean,
  optionalNumber,
  optionalText,
  tagListShape,
} from './ec2-common-shapes.js';

/** One instance of `aws ec2 describe-instances`, with the fields lateral reads. */
export const instanceShape = z.looseObject({
  InstanceId: z.string(),
  InstanceType: optionalText,
  State: z.looseObject({ Code: optionalNumber, Name: optionalText }).nullish(),
  Monitoring: z.looseObject({ State: optionalText }).nullish(),
  AmiLaunchIndex: optionalNumber,
  Architecture: optionalText,
  BootMode: optionalText,
  CapacityReservationId: optionalText,
  CapacityReservationSpecification: anyJson,
  ClientToken: optionalText,
  CpuOptions: z
    .looseObject({ CoreCount: optionalNumber, ThreadsPerCore: optionalNumber })
    .nullish(),
  EbsOptimized: optionalBoolean,
  EnaSupport: optionalBoolean,
  Hypervisor: optionalText,
  IamInstanceProfile: z.looseObject({ Arn: optionalText, Id: optionalText }).nullish(),
  ImageId: optionalText,
  InstanceLifecycle: optionalText,
  KernelId: optionalText,
  KeyName: optionalText,
  LaunchTime: optionalText,
  OutpostArn: optionalText,
  Placement: z
    .looseObject({
      Affinity: optionalText,
      AvailabilityZone: optionalText,
      GroupId: optionalText,
      GroupName: optionalText,
      HostId: optionalText,
      HostResourceGroupArn: optionalText,
      PartitionNumber: optionalNumber,
      Tenancy: optionalText,
    })
    .nullish(),
  Platform: optionalText,
  PlatformDetails: optionalText,
  PrivateIpAddress: optionalText,
  PrivateDnsName: optionalText,
  PublicDnsName: optionalText,
  PublicIpAddress: optionalText,
  RamdiskId: optionalText,
  RootDeviceName: optionalText,
  RootDeviceType: optionalText,
  SourceDestCheck: optionalBoolean,
  SpotInstanceRequestId: optionalText,
  SriovNetSupport: optionalText,
  StateTransitionReason: optionalText,
  SubnetId: optionalText,
  TpmSupport: optionalText,
  UsageOperation: optionalText,
  UsageOperationUpdateTime: optionalText,
  VirtualizationType: optionalText,
  VpcId: optionalText,
  BlockDeviceMappings: anyJson,
  ElasticGpuAssociations: anyJson,
  ElasticInferenceAcceleratorAssociations: anyJson,
  EnclaveOptions: anyJson,
  HibernationOptions: anyJson,
  Licenses: anyJson,
  MaintenanceOptions: anyJson,
  MetadataOptions: anyJson,
  NetworkInterfaces: anyJson,
  PrivateDnsNameOptions: anyJson,
  ProductCodes: anyJson,
  SecurityGroups: anyJson,
  Tags: tagListShape,
});

export type InstanceShape = z.infer<typeof instanceShape>;

/** `aws ec2 describe-instances` output: reservations, each with its instances. */
export const describeInstancesShape = z.looseObject({
  Reservations: z.array(z.looseObject({ Instances: z.array(instanceShape).nullish() })),
});
