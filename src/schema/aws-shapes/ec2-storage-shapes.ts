import { z } from 'zod';
import {
  anyJson,
  optionalBoolean,
  optionalNumber,
  optionalText,
  tagListShape,
} from './ec2-common-shapes.js';

/** `aws ec2 describe-volumes` output. */
export const describeVolumesShape = z.looseObject({
  Volumes: z.array(
    z.looseObject({
      VolumeId: z.string(),
      VolumeType: optionalText,
      State: optionalText,
      CreateTime: optionalText,
      AvailabilityZone: optionalText,
      Encrypted: optionalBoolean,
      FastRestored: optionalBoolean,
      Iops: optionalNumber,
      Throughput: optionalNumber,
      KmsKeyId: optionalText,
      MultiAttachEnabled: optionalBoolean,
      OutpostArn: optionalText,
      Size: optionalNumber,
      SnapshotId: optionalText,
      Attachments: anyJson,
      Tags: tagListShape,
    }),
  ),
});

/** `aws ec2 describe-key-pairs` output. */
export const describeKeyPairsShape = z.looseObject({
  KeyPairs: z.array(
    z.looseObject({
      KeyName: z.string(),
      KeyPairId: optionalText,
      KeyType: optionalText,
      PublicKey: optionalText,
      CreateTime: optionalText,
      KeyFingerprint: optionalText,
      Tags: tagListShape,
    }),
  ),
});
