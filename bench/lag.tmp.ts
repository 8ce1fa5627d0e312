import { monitorEventLoopDelay } from 'node:perf_hooks';
const h = monitorEventLoopDelay({ resolution: 10 });
h.enable();
setInterval(() => {
  console.log(
    'lag p50',
    (h.percentile(50) / 1e6).toFixed(0),
    'p99',
    (h.percentile(99) / 1e6).toFixed(0),
    'max',
    (h.max / 1e6).toFixed(0),
  );
  h.reset();
}, 2000).unref();
await import('./collect-bench.js');
