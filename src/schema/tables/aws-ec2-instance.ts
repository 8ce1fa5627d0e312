import type { InstanceShape } from '../aws-shapes/ec2-instance-shapes.js';
import { describeInstancesShape } from '../aws-shapes/ec2-instance-shapes.js';
import type { Row } from '../column.js';
import type { TableDefinition } from '../table-definition.js';
import { column, standardColumns, tagsSrcColumn } from './ec2-columns.js';
import type { ResourcePlace } from './ec2-row-values.js';
import {
  ec2Arn,
  inetValue,
  known,
  nameOr,
  parsedDocuments,
  placeColumns,
  tagColumns,
  timestampValue,
} from './ec2-row-values.js';

const columns = [
  column('instance_id', 'text', 'The ID of the instance.'),
  column('arn', 'text', 'The ARN of the instance.'),
  column('instance_type', 'text', 'The instance type.'),
  column('instance_state', 'text', 'The state (pending, running, stopping, stopped, ...).'),
  column('monitoring_state', 'text', 'Whether detailed monitoring is enabled or disabled.'),
  column('disable_api_termination', 'boolean', 'Whether termination through the API is off.'),
  column('ami_launch_index', 'bigint', 'The AMI launch index within its launch group.'),
  column('architecture', 'text', 'The architecture of the image.'),
  column('boot_mode', 'text', 'The boot mode of the instance.'),
  column('capacity_reservation_id', 'text', 'The ID of the Capacity Reservation.'),
  column('capacity_reservation_specification', 'text', 'The Capacity Reservation targeting.'),
  column('client_token', 'text', 'The idempotency token given at launch, if any.'),
  column('cpu_options_core_count', 'bigint', 'The number of CPU cores.'),
  column('cpu_options_threads_per_core', 'bigint', 'The number of threads per CPU core.'),
  column('ebs_optimized', 'boolean', 'Whether the instance is optimized for EBS I/O.'),
  column('ena_support', 'boolean', 'Whether enhanced networking with ENA is enabled.'),
  column('hypervisor', 'text', 'The hypervisor type (xen covers Xen and Nitro).'),
  column('iam_instance_profile_arn', 'text', 'The ARN of the IAM instance profile, if any.'),
  column('iam_instance_profile_id', 'text', 'The ID of the IAM instance profile, if any.'),
  column('image_id', 'text', 'The ID of the AMI the instance was launched from.'),
  column('instance_initiated_shutdown_behavior', 'text', 'Stop or terminate on OS shutdown.'),
  column('instance_lifecycle', 'text', 'Whether this is a Spot or a Scheduled Instance.'),
  column('kernel_id', 'text', 'The kernel ID.'),
  column('key_name', 'text', 'The name of the key pair the instance was launched with.'),
  column('launch_time', 'timestamptz', 'When the instance was launched.'),
  column('outpost_arn', 'text', 'The ARN of the Outpost, if any.'),
  column('placement_affinity', 'text', 'The affinity setting on a Dedicated Host.'),
  column('placement_availability_zone', 'text', 'The Availability Zone of the instance.'),
  column('placement_group_id', 'text', 'The ID of its placement group.'),
  column('placement_group_name', 'text', 'The name of its placement group.'),
  column('placement_host_id', 'text', 'The ID of the Dedicated Host it runs on.'),
  column('placement_host_resource_group_arn', 'text', 'The ARN of its host resource group.'),
  column('placement_partition_number', 'bigint', 'The partition number in its placement group.'),
  column('placement_tenancy', 'text', 'The tenancy (default, dedicated, host).'),
  column('platform', 'text', "'windows' for Windows instances, else empty."),
  column('platform_details', 'text', 'The platform details of the instance.'),
  column('private_ip_address', 'inet', 'The private IPv4 address.'),
  column('private_dns_name', 'text', 'The private DNS hostname.'),
  column('public_dns_name', 'text', 'The public DNS name.'),
  column('public_ip_address', 'inet', 'The public IPv4 (or Carrier IP) address, if any.'),
  column('ram_disk_id', 'text', 'The RAM disk ID.'),
  column('root_device_name', 'text', 'The device name of the root volume (e.g. /dev/sda1).'),
  column('root_device_type', 'text', 'The root device type of the AMI (ebs, instance-store).'),
  column('source_dest_check', 'boolean', 'Whether source/destination checking is enabled.'),
  column('spot_instance_request_id', 'text', 'The Spot Instance request ID, if any.'),
  column('sriov_net_support', 'text', 'Whether Intel 82599 enhanced networking is enabled.'),
  column('state_code', 'bigint', 'The numeric code of the state.'),
  column('state_transition_reason', 'text', 'The reason for the latest state transition.'),
  column('state_transition_time', 'timestamptz', 'When the state last changed.'),
  column('subnet_id', 'text', 'The ID of the subnet the instance runs in.'),
  column('tpm_support', 'text', 'v2.0 when NitroTPM is configured.'),
  column('usage_operation', 'text', 'The usage operation value.'),
  column('usage_operation_update_time', 'text', 'When the usage operation was last updated.'),
  column('user_data', 'text', 'The user data of the instance.'),
  column('virtualization_type', 'text', 'The virtualization type.'),
  column('vpc_id', 'text', 'The ID of the VPC the instance runs in.'),
  column('block_device_mappings', 'jsonb', 'The block device mappings.'),
  column('elastic_gpu_associations', 'jsonb', 'The Elastic GPUs associated.'),
  column('elastic_inference_accelerator_associations', 'jsonb', 'Elastic inference accelerators.'),
  column('enclave_options', 'jsonb', 'Whether Nitro Enclaves are enabled.'),
  column('hibernation_options', 'jsonb', 'Whether hibernation is enabled.'),
  column('launch_template_data', 'jsonb', 'The launch template data of the instance.'),
  column('licenses', 'jsonb', 'The license configurations.'),
  column('maintenance_options', 'jsonb', 'The maintenance options.'),
  column('metadata_options', 'jsonb', 'The instance metadata service (IMDS) options.'),
  column('network_interfaces', 'jsonb', 'The network interfaces.'),
  column('private_dns_name_options', 'jsonb', 'The options for the instance hostname.'),
  column('product_codes', 'jsonb', 'The product codes attached, if any.'),
  column('security_groups', 'jsonb', 'The security groups of the instance.'),
  column('instance_status', 'jsonb', 'Status checks, scheduled events and state information.'),
  tagsSrcColumn('instance'),
  ...standardColumns(),
];

const stoppedStates = new Set(['shutting-down', 'stopped', 'stopping', 'terminated']);

/**
 * Steampipe's state_transition_time: for a stopped or terminated instance, the time inside the
 * reason ("User initiated (2019-09-12 16:38:34 GMT)"); otherwise the launch time.
 */
function stateTransitionTime(instance: InstanceShape): string | null {
  const reason = instance.StateTransitionReason ?? '';
  if (reason !== '' && stoppedStates.has(instance.State?.Name ?? '')) {
    const inParentheses = /\((.*?) *\)/.exec(reason)?.[1];
    if (inParentheses !== undefined) {
      // AWS writes "2019-09-12 16:38:34 GMT"; some captures have "2019-09-12T16:38:34 GMT".
      const iso = inParentheses.replace(/ GMT$/, 'Z').replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T');
      return timestampValue(iso);
    }
  }
  return timestampValue(instance.LaunchTime);
}

/** Steampipe shows a struct in a text column as its JSON. */
function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function instanceRow(instance: InstanceShape, place: ResourcePlace): Row {
  const arn = ec2Arn(place, `instance/${instance.InstanceId}`);
  const placement = instance.Placement;
  return {
    instance_id: instance.InstanceId,
    arn,
    instance_type: known(instance.InstanceType),
    instance_state: known(instance.State?.Name),
    monitoring_state: known(instance.Monitoring?.State),
    // DescribeInstanceAttribute, GetLaunchTemplateData and DescribeInstanceStatus are not
    // collected: their columns stay null (unknown).
    disable_api_termination: null,
    ami_launch_index: known(instance.AmiLaunchIndex),
    architecture: known(instance.Architecture),
    boot_mode: known(instance.BootMode),
    capacity_reservation_id: known(instance.CapacityReservationId),
    capacity_reservation_specification: jsonText(instance.CapacityReservationSpecification),
    client_token: known(instance.ClientToken),
    cpu_options_core_count: known(instance.CpuOptions?.CoreCount),
    cpu_options_threads_per_core: known(instance.CpuOptions?.ThreadsPerCore),
    ebs_optimized: known(instance.EbsOptimized),
    ena_support: known(instance.EnaSupport),
    hypervisor: known(instance.Hypervisor),
    iam_instance_profile_arn: known(instance.IamInstanceProfile?.Arn),
    iam_instance_profile_id: known(instance.IamInstanceProfile?.Id),
    image_id: known(instance.ImageId),
    instance_initiated_shutdown_behavior: null,
    instance_lifecycle: known(instance.InstanceLifecycle),
    // DescribeInstances carries the kernel, RAM disk and SR-IOV values that Steampipe reads
    // through DescribeInstanceAttribute, when the instance has them.
    kernel_id: known(instance.KernelId),
    key_name: known(instance.KeyName),
    launch_time: timestampValue(instance.LaunchTime),
    outpost_arn: known(instance.OutpostArn),
    placement_affinity: known(placement?.Affinity),
    placement_availability_zone: known(placement?.AvailabilityZone),
    placement_group_id: known(placement?.GroupId),
    placement_group_name: known(placement?.GroupName),
    placement_host_id: known(placement?.HostId),
    placement_host_resource_group_arn: known(placement?.HostResourceGroupArn),
    placement_partition_number: known(placement?.PartitionNumber),
    placement_tenancy: known(placement?.Tenancy),
    platform: known(instance.Platform),
    platform_details: known(instance.PlatformDetails),
    private_ip_address: inetValue(instance.PrivateIpAddress),
    private_dns_name: known(instance.PrivateDnsName),
    public_dns_name: known(instance.PublicDnsName),
    public_ip_address: inetValue(instance.PublicIpAddress),
    ram_disk_id: known(instance.RamdiskId),
    root_device_name: known(instance.RootDeviceName),
    root_device_type: known(instance.RootDeviceType),
    source_dest_check: known(instance.SourceDestCheck),
    spot_instance_request_id: known(instance.SpotInstanceRequestId),
    sriov_net_support: known(instance.SriovNetSupport),
    state_code: known(instance.State?.Code),
    state_transition_reason: known(instance.StateTransitionReason),
    state_transition_time: stateTransitionTime(instance),
    subnet_id: known(instance.SubnetId),
    tpm_support: known(instance.TpmSupport),
    usage_operation: known(instance.UsageOperation),
    usage_operation_update_time: known(instance.UsageOperationUpdateTime),
    user_data: null,
    virtualization_type: known(instance.VirtualizationType),
    vpc_id: known(instance.VpcId),
    block_device_mappings: known(instance.BlockDeviceMappings),
    elastic_gpu_associations: known(instance.ElasticGpuAssociations),
    elastic_inference_accelerator_associations: known(
      instance.ElasticInferenceAcceleratorAssociations,
    ),
    enclave_options: known(instance.EnclaveOptions),
    hibernation_options: known(instance.HibernationOptions),
    launch_template_data: null,
    licenses: known(instance.Licenses),
    maintenance_options: known(instance.MaintenanceOptions),
    metadata_options: known(instance.MetadataOptions),
    network_interfaces: known(instance.NetworkInterfaces),
    private_dns_name_options: known(instance.PrivateDnsNameOptions),
    product_codes: known(instance.ProductCodes),
    security_groups: known(instance.SecurityGroups),
    instance_status: null,
    ...tagColumns(instance.Tags),
    title: nameOr(instance.Tags, instance.InstanceId),
    akas: [arn],
    ...placeColumns(place),
  };
}

/** aws_ec2_instance: one row per instance of DescribeInstances. */
export const awsEc2InstanceTable: TableDefinition = {
  name: 'aws_ec2_instance',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeInstances'],
  rows(evidence) {
    return parsedDocuments(evidence, 'ec2:DescribeInstances', describeInstancesShape).flatMap(
      ({ body, place }) =>
        body.Reservations.flatMap((reservation) =>
          (reservation.Instances ?? []).map((instance) => instanceRow(instance, place)),
        ),
    );
  },
  key: (row) => String(row['instance_id']),
};
