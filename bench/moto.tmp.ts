import { collectEvidence } from '../src/collect/collect-evidence.js';
import { createLogger } from '../src/log/logger.js';
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const result = await collectEvidence({
  out: '/tmp/collect-smoke/moto',
  profiles: [],
  org: true,
  roleName: 'OrganizationAccountAccessRole',
  regions: ['us-east-1', 'eu-west-1'],
  includeSecrets: false,
  maxAttempts: 3,
  requestTimeoutMs: 10000,
  limits: { total: 64, perAccount: 32, perRegion: 8, perService: 4 },
  accountsAtOnce: 8,
  toolVersion: '0.1.0',
  endpointUrl: 'http://127.0.0.1:5055',
  logger: createLogger('warn', (level, message, fields) =>
    console.log(level, message, JSON.stringify({ ...fields, error: undefined })),
  ),
});
console.log(
  result.complete,
  result.tally.all.map((a) => [a.accountId, a.name, a.status, a.calls, a.gaps]),
);
for (const g of result.manifest.failures)
  console.log(g.accountId, g.region, g.api, g.errorCode, g.message.slice(0, 100));
