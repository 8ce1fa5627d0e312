/**
 * Runs the stand-in endpoint in a process of its own, so that its work does not slow the
 * collector it answers. Options (StandInOptions) come as JSON in the first argument; the
 * process prints one JSON line with its url and the management access key, then serves until
 * it is killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startAwsStandIn, statsPath, type StandInOptions } from './stand-in-server.js';

export interface StandInProcess {
  url: string;
  managementAccessKeyId: string;
  stats(): Promise<{ requests: number; throttled: number; accepted: Record<string, number> }>;
  stop(): void;
}

/** Starts the stand-in in a child process (through tsx, as the benchmark itself runs). */
export async function spawnAwsStandIn(options: StandInOptions): Promise<StandInProcess> {
  const script = fileURLToPath(import.meta.url);
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', script, JSON.stringify(options)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the stand-in exited with ${code}`)));
  });
  const started = JSON.parse(first) as { url: string; managementAccessKeyId: string };
  return {
    ...started,
    stats: async () => {
      const response = await fetch(`${started.url}${statsPath}`);
      return (await response.json()) as Awaited<ReturnType<StandInProcess['stats']>>;
    },
    stop: () => {
      child.kill();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] !== undefined) {
  const standIn = await startAwsStandIn(JSON.parse(process.argv[2]) as StandInOptions);
  const ready = { url: standIn.url, managementAccessKeyId: standIn.managementAccessKeyId };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}
