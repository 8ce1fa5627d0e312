import { describeKeyPairsShape } from '../aws-shapes/ec2-storage-shapes.js';
import type { TableDefinition } from '../table-definition.js';
import { column, standardColumns, tagsSrcColumn } from './ec2-columns.js';
import {
  ec2Arn,
  known,
  parsedDocuments,
  placeColumns,
  tagColumns,
  timestampValue,
} from './ec2-row-values.js';

const columns = [
  column('key_name', 'text', 'The name of the key pair.'),
  column('key_pair_id', 'text', 'The ID of the key pair.'),
  column('key_type', 'text', 'The type of the key pair (rsa, ed25519).'),
  column('public_key', 'text', 'The public key material, when it was asked for.'),
  column('create_time', 'timestamptz', 'When the key pair was created or imported.'),
  column('key_fingerprint', 'text', 'The fingerprint of the key (SHA-1 or MD5, see AWS).'),
  tagsSrcColumn('key pair'),
  ...standardColumns(),
];

/** aws_ec2_key_pair: one row per key pair of DescribeKeyPairs. */
export const awsEc2KeyPairTable: TableDefinition = {
  name: 'aws_ec2_key_pair',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeKeyPairs'],
  rows(evidence) {
    return parsedDocuments(evidence, 'ec2:DescribeKeyPairs', describeKeyPairsShape).flatMap(
      ({ body, place }) =>
        body.KeyPairs.map((keyPair) => ({
          key_name: keyPair.KeyName,
          key_pair_id: known(keyPair.KeyPairId),
          key_type: known(keyPair.KeyType),
          public_key: known(keyPair.PublicKey),
          create_time: timestampValue(keyPair.CreateTime),
          key_fingerprint: known(keyPair.KeyFingerprint),
          ...tagColumns(keyPair.Tags),
          // Steampipe titles a key pair by its name, and builds its ARN from the name too.
          title: keyPair.KeyName,
          akas: [ec2Arn(place, `key-pair/${keyPair.KeyName}`)],
          ...placeColumns(place),
        })),
    );
  },
  key: (row) => String(row['key_name']),
};
