import { startAwsStandIn } from './aws-stand-in/stand-in-server.js';
import { createClient } from '../src/collect/aws-clients.js';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const s = await startAwsStandIn({
  dataset: {
    managementAccountId: '111111111111',
    accounts: [{ id: '111111111111', name: 'm', roleNames: [], regions: ['us-east-1'] }],
    instancesPerRegion: 1,
    pageSize: 10,
    rolesPerAccount: 1,
  },
  latencyMs: 50,
  ratePerSecond: 10000,
  burst: 10000,
});
const creds = async () => ({ accessKeyId: s.managementAccessKeyId, secretAccessKey: 'x' });
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const c = createClient('ec2', 'us-east-1', creds, {
    endpointUrl: s.url,
    maxAttempts: 3,
    requestTimeoutMs: 5000,
  });
  const t1 = performance.now();
  await c.send(new DescribeVpcsCommand({}));
  const t2 = performance.now();
  await c.send(new DescribeVpcsCommand({}));
  const t3 = performance.now();
  console.log(
    'create',
    (t1 - t0).toFixed(1),
    'first',
    (t2 - t1).toFixed(1),
    'second',
    (t3 - t2).toFixed(1),
    'cpu',
    process.cpuUsage().user / 1000,
  );
}
await s.close();
