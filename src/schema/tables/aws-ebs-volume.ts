import { describeVolumesShape } from '../aws-shapes/ec2-storage-shapes.js';
import type { TableDefinition } from '../table-definition.js';
import { column, standardColumns, tagsSrcColumn } from './ec2-columns.js';
import {
  ec2Arn,
  known,
  nameOr,
  parsedDocuments,
  placeColumns,
  tagColumns,
  timestampValue,
} from './ec2-row-values.js';

const columns = [
  column('volume_id', 'text', 'The ID of the volume.'),
  column('arn', 'text', 'The ARN of the volume.'),
  column('volume_type', 'text', 'The volume type (gp2, gp3, io1, io2, st1, sc1, standard).'),
  column('state', 'text', 'The state of the volume.'),
  column('create_time', 'timestamptz', 'When the volume creation was initiated.'),
  column('auto_enable_io', 'boolean', 'The autoEnableIO attribute of the volume.'),
  column('availability_zone', 'text', 'The Availability Zone of the volume.'),
  column('encrypted', 'boolean', 'Whether the volume is encrypted.'),
  column('fast_restored', 'boolean', 'Whether it was created with fast snapshot restore.'),
  column('iops', 'bigint', 'The I/O operations per second the volume supports.'),
  column('throughput', 'bigint', 'The throughput the volume supports, in MiB/s.'),
  column('kms_key_id', 'text', 'The ARN of the KMS key that protects the volume key.'),
  column('multi_attach_enabled', 'boolean', 'Whether EBS Multi-Attach is enabled.'),
  column('outpost_arn', 'text', 'The ARN of the Outpost, if any.'),
  column('size', 'bigint', 'The size of the volume, in GiB.'),
  column('snapshot_id', 'text', 'The snapshot the volume was created from, if any.'),
  column('attachments', 'jsonb', 'The attachments of the volume.'),
  column('product_codes', 'jsonb', 'The product codes of the volume.'),
  tagsSrcColumn('volume'),
  ...standardColumns(),
];

/** aws_ebs_volume: one row per volume of DescribeVolumes. */
export const awsEbsVolumeTable: TableDefinition = {
  name: 'aws_ebs_volume',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeVolumes'],
  rows(evidence) {
    return parsedDocuments(evidence, 'ec2:DescribeVolumes', describeVolumesShape).flatMap(
      ({ body, place }) =>
        body.Volumes.map((volume) => {
          const arn = ec2Arn(place, `volume/${volume.VolumeId}`);
          return {
            volume_id: volume.VolumeId,
            arn,
            volume_type: known(volume.VolumeType),
            state: known(volume.State),
            create_time: timestampValue(volume.CreateTime),
            // Steampipe reads these two with DescribeVolumeAttribute, which is not collected.
            auto_enable_io: null,
            availability_zone: known(volume.AvailabilityZone),
            encrypted: known(volume.Encrypted),
            fast_restored: known(volume.FastRestored),
            iops: known(volume.Iops),
            throughput: known(volume.Throughput),
            kms_key_id: known(volume.KmsKeyId),
            multi_attach_enabled: known(volume.MultiAttachEnabled),
            outpost_arn: known(volume.OutpostArn),
            size: known(volume.Size),
            snapshot_id: known(volume.SnapshotId),
            attachments: known(volume.Attachments),
            product_codes: null,
            ...tagColumns(volume.Tags),
            title: nameOr(volume.Tags, volume.VolumeId),
            akas: [arn],
            ...placeColumns(place),
          };
        }),
    );
  },
  key: (row) => String(row['volume_id']),
};
