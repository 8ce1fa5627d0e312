/**
 * `npm run bench:collect`: lateral collect --org against a local stand-in endpoint serving an
 * organization of 20 accounts in 4 regions, answering every call after 50 ms and throttling each
 * account and region above a set rate. Prints the wall time against the lower bound (the
 * busiest account-region's calls divided by the allowed rate) and the calls made.
 *
 * Settings (environment): BENCH_ACCOUNTS, BENCH_REGIONS, BENCH_RATE (calls per second per account
 * and region), BENCH_BURST, BENCH_LATENCY_MS, BENCH_MAX_PER_REGION.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultAccountsAtOnce,
  defaultLimits,
  defaultMaxAttempts,
  defaultRequestTimeoutMs,
  defaultRoleName,
} from '../src/collect/collect-defaults.js';
import { collectEvidence } from '../src/collect/collect-evidence.js';
import { silentLogger } from '../src/log/logger.js';
import { spawnAwsStandIn } from './aws-stand-in/stand-in-process.js';
import type { StandInAccount } from './aws-stand-in/stand-in-data.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

const accountCount = setting('BENCH_ACCOUNTS', 20);
const regionCount = setting('BENCH_REGIONS', 4);
const rate = setting('BENCH_RATE', 10);
const burst = setting('BENCH_BURST', 10);
const latencyMs = setting('BENCH_LATENCY_MS', 50);
const perRegion = setting('BENCH_MAX_PER_REGION', defaultLimits.perRegion);

const regionNames = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-west-2', 'eu-central-1'];
const regions = regionNames.slice(0, regionCount);
const accounts: StandInAccount[] = Array.from({ length: accountCount }, (_, index) => ({
  id: String(100000000000 + index * 1111),
  name: index === 0 ? 'management' : `member-${index}`,
  roleNames: index === 0 ? [] : [defaultRoleName],
  regions,
}));

const standIn = await spawnAwsStandIn({
  dataset: {
    managementAccountId: accounts[0]!.id,
    accounts,
    instancesPerRegion: 100,
    pageSize: 25,
    rolesPerAccount: 60,
  },
  latencyMs,
  ratePerSecond: rate,
  burst,
});
const folder = await mkdtemp(join(tmpdir(), 'lateral-collect-bench-'));
try {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await collectEvidence({
    out: folder,
    profiles: [],
    org: true,
    roleName: defaultRoleName,
    regions: 'enabled',
    includeSecrets: false,
    maxAttempts: defaultMaxAttempts,
    requestTimeoutMs: defaultRequestTimeoutMs,
    limits: { ...defaultLimits, perRegion },
    accountsAtOnce: defaultAccountsAtOnce,
    toolVersion: 'bench',
    logger: silentLogger,
    endpointUrl: standIn.url,
    homeRegion: regions[0]!,
    credentialsFor: () => async () => ({
      accessKeyId: standIn.managementAccessKeyId,
      secretAccessKey: 'bench',
    }),
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const stats = await standIn.stats();
  const accepted = Object.entries(stats.accepted);
  const [busiestKey, busiestCalls] = accepted.reduce((max, entry) =>
    entry[1] > max[1] ? entry : max,
  );
  const bound = busiestCalls / rate;
  const acceptedTotal = accepted.reduce((sum, [, calls]) => sum + calls, 0);
  console.log(
    `lateral collect --org: ${accountCount} accounts x ${regionCount} regions, ` +
      `${latencyMs} ms latency, ${rate} calls/s per account and region (burst ${burst}), ` +
      `max ${perRegion} in flight per account and region`,
  );
  console.log(`  wall time            ${seconds.toFixed(2)} s`);
  console.log(
    `  lower bound          ${bound.toFixed(2)} s  ` +
      `(${busiestCalls} calls in ${busiestKey} / ${rate} per s)`,
  );
  console.log(`  ratio                ${(seconds / bound).toFixed(2)}x  (goal: within 1.3x)`);
  console.log(`  calls answered       ${acceptedTotal}`);
  console.log(`  calls throttled      ${stats.throttled}  (retried by the SDK)`);
  console.log(
    `  requests sent        ${stats.requests}  (lateral counted ${result.tally.totalCalls})`,
  );
  const [load] = loadavg();
  console.log(
    `  collector CPU        ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s  ` +
      `(machine load ${load?.toFixed(1)} on ${availableParallelism()} cores)`,
  );
  console.log(`  failed after retries ${result.manifest.failures.length}`);
  console.log(`  evidence files       ${result.manifest.files.length}`);
  for (const failure of result.manifest.failures.slice(0, 5)) {
    console.log(`    ${failure.accountId} ${failure.region} ${failure.api}: ${failure.errorCode}`);
  }
} finally {
  standIn.stop();
  if (process.env['BENCH_KEEP'] === undefined) await rm(folder, { recursive: true, force: true });
  else console.log(folder);
}
