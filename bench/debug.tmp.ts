import { readFile } from 'node:fs/promises';
const m = JSON.parse(await readFile(process.argv[2]!, 'utf8'));
const t0 = Date.parse(m.startedAt);
for (const a of m.accounts)
  console.log(
    a.accountId,
    ((Date.parse(a.startedAt) - t0) / 1000).toFixed(2),
    ((Date.parse(a.endedAt) - t0) / 1000).toFixed(2),
  );
