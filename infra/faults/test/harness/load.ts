import type { GraphqlResponse } from '@dash/testing';
import { asPlatform, BALANCE, PAYOUT } from './api.js';
import { timed } from './wait.js';

/** One request made under load: what it was, how long it took, how it ended. */
export interface Answer {
  what: string;
  ms: number;
  /** The typed error's code (UNAVAILABLE, ...); undefined when it succeeded. */
  code?: string;
  /** Set when the request got no GraphQL answer at all (connection refused, reset, ...). */
  failure?: string;
}

/** Makes the request and records its answer; throws nothing. */
export async function answer(
  what: string,
  request: () => Promise<GraphqlResponse<unknown>>,
): Promise<Answer & { response?: GraphqlResponse<unknown> }> {
  const result = await timed(request);
  if (result.error) return { what, ms: result.ms, failure: String(result.error) };
  const response = result.value!;
  const code = response.errors?.[0]?.extensions?.code as string | undefined;
  return {
    what,
    ms: result.ms,
    response,
    ...(response.errors ? { code: code ?? `untyped: ${response.errors[0]?.message}` } : {}),
  };
}

/**
 * Runs `lanes` request loops side by side until `running()` turns false; each lane makes one
 * request at a time, as a busy client does.
 */
export async function underLoad(
  lanes: Array<() => Promise<unknown>>,
  running: () => boolean,
): Promise<void> {
  await Promise.all(
    lanes.map(async (lane) => {
      while (running()) await lane();
    }),
  );
}

/** The answers slower than `limitMs`, or with no typed answer: what "never hangs" forbids. */
export const misbehaving = (answers: Answer[], limitMs: number) =>
  answers.filter(
    (answer) => answer.ms > limitMs || answer.failure || answer.code?.startsWith('untyped'),
  );

/**
 * A platform's everyday traffic on one account, as request loops for `underLoad`: payouts, each
 * with a new idempotency key (kept in `keys`, so a test can look each one up afterwards), and
 * balance reads. Every answer goes into `answers`.
 */
export function platformTraffic(
  gatewayUrl: string,
  account: string,
  keyPrefix: string,
  answers: Answer[],
) {
  const keys: string[] = [];
  return {
    keys,
    payoutLane: async () => {
      const key = `${keyPrefix}-${keys.length + 1}`;
      keys.push(key);
      answers.push(
        await answer('createPayout', () => asPlatform(gatewayUrl, PAYOUT, { a: account, k: key })),
      );
    },
    readLane: async () => {
      answers.push(
        await answer('balances', () => asPlatform(gatewayUrl, BALANCE, { id: account })),
      );
    },
  };
}
