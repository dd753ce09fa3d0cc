/**
 * `npm run bench` runs the gateway benchmark; `npm run bench -- ledger` the ledger's,
 * `npm run bench -- notifications` the event pipeline's, `npm run bench -- coprocessor` the
 * Node gateway beside the Router's authentication coprocessor, `npm run bench -- dashboard` the
 * dashboard's figures beside Hive Gateway's. Each
 * starts what it needs against fresh databases and prints its figures.
 */
const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  gateway: () => import('./gateway.js'),
  ledger: () => import('./ledger.js'),
  notifications: () => import('./notifications.js'),
  coprocessor: () => import('./coprocessor.js'),
  dashboard: () => import('./dashboard.js'),
};

const name = process.argv[2] ?? 'gateway';
const run = BENCHMARKS[name];
if (!run) {
  console.error(
    `Unknown benchmark "${name}". Choose one of: ${Object.keys(BENCHMARKS).join(', ')}`,
  );
  process.exit(64);
}
await run();
