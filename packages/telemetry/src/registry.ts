import { collectDefaultMetrics, register } from 'prom-client';

/**
 * The one metrics registry of a process. Every series carries the `part` label (gateway, shell,
 * ledger, …) so a dashboard can tell the parts apart whatever the scrape configuration adds.
 */
export const registry = register;

let namedPart: string | undefined;

/**
 * Names the part this process runs and starts Node's own metrics (CPU, memory, event loop, GC).
 * The first name given wins: a process that hosts several servers (tests, `npm start` runs each
 * part in its own process) keeps the name of the first.
 */
export function nameThisPart(part: string): void {
  if (namedPart) return;
  namedPart = part;
  registry.setDefaultLabels({ part });
  collectDefaultMetrics({ register: registry });
}

/** What /metrics answers: the Prometheus text format. */
export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
