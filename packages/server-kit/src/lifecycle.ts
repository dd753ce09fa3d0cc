import type { Logger } from '@dash/logger';
import { stopTracing } from '@dash/telemetry';

/**
 * Runs `stop` on the first SIGINT/SIGTERM and exits when it is done; a second signal, or a
 * stop that hangs, exits at once so an orchestrator is never kept waiting forever.
 */
export function stopOnSignals(stop: () => Promise<void>, log: Logger, graceMs = 10_000): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, graceMs).unref();
    // Spans still buffered are sent before the process goes.
    stop()
      .then(() => stopTracing())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
