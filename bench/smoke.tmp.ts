import { startAwsStandIn } from './aws-stand-in/stand-in-server.js';
import { collectEvidence } from '../src/collect/collect-evidence.js';
import { createLogger } from '../src/log/logger.js';

const standIn = await startAwsStandIn({
  dataset: {
    managementAccountId: '111111111111',
    accounts: [
      {
        id: '111111111111',
        name: 'management',
        roleNames: [],
        regions: ['us-east-1', 'eu-west-1'],
      },
      {
        id: '222222222222',
        name: 'prod',
        roleNames: ['OrganizationAccountAccessRole'],
        regions: ['us-east-1', 'eu-west-1'],
        deniedRegions: ['eu-west-1'],
      },
      { id: '333333333333', name: 'dev', roleNames: [], regions: ['us-east-1'] },
    ],
    instancesPerRegion: 7,
    pageSize: 3,
    rolesPerAccount: 4,
  },
  latencyMs: 5,
  ratePerSecond: 50,
  burst: 10,
});
const started = Date.now();
const result = await collectEvidence({
  out: '/tmp/collect-smoke/out',
  profiles: [],
  org: true,
  roleName: 'OrganizationAccountAccessRole',
  regions: 'enabled',
  includeSecrets: false,
  maxAttempts: 10,
  requestTimeoutMs: 10000,
  limits: { total: 64, perAccount: 32, perRegion: 8, perService: 4 },
  accountsAtOnce: 8,
  toolVersion: '0.1.0',
  endpointUrl: standIn.url,
  homeRegion: 'us-east-1',
  logger: createLogger('warn', (level, message, fields) =>
    console.log(level, message, JSON.stringify({ ...fields, error: undefined })),
  ),
  credentialsFor: () => async () => ({
    accessKeyId: standIn.managementAccessKeyId,
    secretAccessKey: 'x',
  }),
});
console.log(Date.now() - started, 'ms', result.complete, JSON.stringify(result.tally.all, null, 1));
console.log(result.manifest.failures);
console.log(standIn.stats);
await standIn.close();
