import { Writable } from 'node:stream';
import { pino } from 'pino';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { startConsole, type RunningConsole } from '../src/app.js';
import { loadConsoleConfig } from '../src/config.js';

export const OPERATOR_SECRET = 'operator-secret-for-the-console-tests-0001';
export const OTHER_SECRET = 'second-operator-secret-for-console-tests-02';

/** A console on a free port over its own Redis prefix, and the log lines it wrote. */
export interface ConsoleUnderTest {
  console: RunningConsole;
  url: string;
  prefix: string;
  logLines: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

export async function startTestConsole(
  label: string,
  env: Record<string, string> = {},
): Promise<ConsoleUnderTest> {
  const prefix = testRedisPrefix(label);
  const logLines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = loadConsoleConfig({
    NODE_ENV: 'test',
    REDIS_URL: testRedisUrl(),
    DASH_REDIS_PREFIX: prefix,
    DASH_CONSOLE_PORT: '0',
    DASH_OPERATOR_TOKENS: `alice:${OPERATOR_SECRET},bob:${OTHER_SECRET}`,
    // Tests speak for several client addresses through X-Forwarded-For from this machine.
    DASH_CONSOLE_TRUSTED_PROXIES: 'loopback',
    ...env,
  });
  const running = await startConsole(config, { log: pino({ level: 'info' }, sink) });
  return {
    console: running,
    url: `http://127.0.0.1:${running.port}`,
    prefix,
    logLines,
    async stop() {
      await running.stop();
      await deleteRedisPrefix(testRedisUrl(), prefix);
    },
  };
}

export const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
export const basic = (user: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`,
});
/** Requests "from" a given client address, as a trusted proxy would forward them. */
export const from = (address: string) => ({ 'x-forwarded-for': address });
