import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { freePort } from '@dash/testing';
import { startConsole, type RunningConsole } from '../src/app.js';
import { loadConsoleConfig } from '../src/config.js';
import { bearer, OPERATOR_SECRET } from './console-harness.js';

let running: RunningConsole;
let url: string;

/** A request that must be answered within `withinMs`, whatever Redis does. */
async function timed(path: string, headers: Record<string, string> = {}, withinMs = 5_000) {
  const started = Date.now();
  const response = await fetch(`${url}${path}`, {
    headers,
    signal: AbortSignal.timeout(withinMs),
  });
  return { status: response.status, ms: Date.now() - started };
}

beforeAll(async () => {
  // A port nothing listens on: Redis is down for the whole file.
  const config = loadConsoleConfig({
    NODE_ENV: 'test',
    REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    DASH_CONSOLE_PORT: '0',
    DASH_OPERATOR_TOKENS: `alice:${OPERATOR_SECRET}`,
  });
  running = await startConsole(config, { log: pino({ level: 'silent' }) });
  url = `http://127.0.0.1:${running.port}`;
}, 15_000);
afterAll(() => running?.stop());

describe('the console with Redis down', () => {
  it('starts, stays alive and says it is not ready', async () => {
    expect((await timed('/health')).status).toBe(200);
    expect((await timed('/ready')).status).toBe(503);
    expect(running.queueNames()).toContain('delivery');
  });

  it('answers every request within seconds: guesses refused, operators told the queues are unreachable', async () => {
    const guess = await timed('/api/queues', bearer('guess'));
    expect(guess.status).toBe(401);
    const operator = await timed('/api/queues', bearer(OPERATOR_SECRET));
    expect(operator.status).toBe(503);
    // The page itself needs no Redis.
    expect((await timed('/', bearer(OPERATOR_SECRET))).status).toBe(200);
  });

  it('still throttles guesses, counting them in memory', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 15 }, (_, index) =>
        timed('/api/queues', bearer(`guess-${index}`)).then((answer) => answer.status),
      ),
    );
    expect(statuses).toContain(429);
  });
});
