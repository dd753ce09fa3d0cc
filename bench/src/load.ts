import { Pool } from 'undici';
import { percentile } from './stats.js';

/** One GraphQL POST, its body already serialised. */
export interface PreparedRequest {
  operationName: string;
  body: string;
}

/** What one round of a client sends: requests in parallel, with these headers. */
export interface Round {
  requests: PreparedRequest[];
  headers: Record<string, string>;
}

export interface LoadResult {
  /** Rounds completed in the measured time. */
  rounds: number;
  /** Rounds completed in the measured time, per second (home pages, queries, charges). */
  roundsPerSecond: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Requests answered with a non-2xx status, GraphQL errors or no answer at all. */
  errors: number;
  /** The first few errors, as answered, for the report. */
  examples: string[];
}

export interface LoadOptions {
  clients: number;
  warmupS: number;
  durationS: number;
  next: (client: number) => Round;
  /**
   * Rounds per second the clients start together, evenly spread; without it each client starts
   * its next round as soon as the last one ends (a closed loop, which finds the most the
   * servers can do). Paced, each client has its own schedule, and a request's latency counts
   * from when its round was due, not from when it went out: a server that falls behind its
   * offered load shows it in every late round's latency instead of slowing the clients down.
   */
  roundsPerSecond?: number;
  /** Called when the warm-up ends and counting starts. */
  onMeasuring?: () => void;
}

/**
 * `clients` clients against one GraphQL URL for warm-up + duration seconds: each builds a round
 * (`next`), sends its requests at once, waits for every answer, and starts the next — at once,
 * or when it is due (`roundsPerSecond`). Latency is per request, counted only after the
 * warm-up. Keep-alive connections (six per client, as a browser opens per origin), no parsing
 * of answers beyond looking for `"errors"`, so the generator takes as little of the shared CPU
 * as it can.
 */
export async function loadRun(url: string, options: LoadOptions): Promise<LoadResult> {
  const target = new URL(url);
  const pool = new Pool(target.origin, {
    connections: options.clients * 6,
    pipelining: 1,
    keepAliveTimeout: 30_000,
  });
  const latencies: number[] = [];
  const examples: string[] = [];
  let errors = 0;
  let rounds = 0;
  const started = performance.now();
  const measureFrom = started + options.warmupS * 1000;
  const endAt = measureFrom + options.durationS * 1000;

  const send = async (request: PreparedRequest, headers: Record<string, string>, dueAt: number) => {
    let failure: string | undefined;
    try {
      const response = await pool.request({
        path: target.pathname,
        method: 'POST',
        headers,
        body: request.body,
      });
      const text = await response.body.text();
      if (response.statusCode >= 300 || text.includes('"errors"'))
        failure = `${request.operationName}: HTTP ${response.statusCode} ${text.slice(0, 400)}`;
    } catch (error) {
      failure = `${request.operationName}: ${(error as Error).message}`;
    }
    // A request counts when its round was due after the warm-up.
    if (dueAt < measureFrom) return;
    latencies.push(performance.now() - dueAt);
    if (failure) {
      errors += 1;
      if (examples.length < 5) examples.push(failure);
    }
  };

  // Paced, each client starts a round every `interval` ms, the clients' schedules staggered
  // evenly across one interval.
  const interval = options.roundsPerSecond
    ? (1000 * options.clients) / options.roundsPerSecond
    : undefined;
  const client = async (index: number) => {
    let dueAt = interval ? started + (index * interval) / options.clients : performance.now();
    while (dueAt < endAt) {
      const wait = dueAt - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const round = options.next(index);
      await Promise.all(round.requests.map((request) => send(request, round.headers, dueAt)));
      if (dueAt >= measureFrom) rounds += 1;
      dueAt = interval ? dueAt + interval : performance.now();
    }
  };
  const warmup = setTimeout(() => {
    options.onMeasuring?.();
  }, options.warmupS * 1000);
  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  clearTimeout(warmup);
  const seconds = (performance.now() - measureFrom) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    rounds,
    roundsPerSecond: rounds / seconds,
    requestsPerSecond: latencies.length / seconds,
    p50: latencies.length ? percentile(latencies, 50) : NaN,
    p95: latencies.length ? percentile(latencies, 95) : NaN,
    p99: latencies.length ? percentile(latencies, 99) : NaN,
    errors,
    examples,
  };
}

/** One line of a load result, for the report. */
export const describeLoad = (label: string, result: LoadResult, unit: string) =>
  `  ${label.padEnd(10)} ${result.roundsPerSecond.toFixed(1).padStart(7)} ${unit}/s  ${result.requestsPerSecond
    .toFixed(0)
    .padStart(6)} requests/s  p50 ${result.p50.toFixed(1).padStart(6)}  p95 ${result.p95
    .toFixed(1)
    .padStart(6)}  p99 ${result.p99.toFixed(1).padStart(6)} ms  errors ${result.errors}`;
