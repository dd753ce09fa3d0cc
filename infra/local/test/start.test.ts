import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dropDatabase } from '@dash/db';
import {
  deleteRedisPrefix,
  freePort,
  testMysqlUrl,
  testRedisPrefix,
  testRedisUrl,
} from '@dash/testing';
import { settingName } from '@dash/manifest';
import { SERVICES } from '../src/index.js';
import { DEMO_ACCOUNT } from '../src/demo.js';

const START_SCRIPT = fileURLToPath(new URL('../dist/start.js', import.meta.url));

const suffix = `${process.pid}_${Date.now().toString(36)}`;
const databaseOf = (service: string, run: number) => `test_start${run}_${service}_${suffix}`;
const databases = [0, 1, 2].flatMap((run) => SERVICES.map((s) => databaseOf(s.name, run)));
const prefixes = [0, 1, 2].map((run) => testRedisPrefix(`start${run}`));

/** Every `npm start` a test ran: one a failed test left running is killed with its parts. */
const started: ChildProcess[] = [];

afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    for (const part of await childrenOf(child.pid!)) process.kill(part, 'SIGKILL');
    child.kill('SIGKILL');
  }
});

afterAll(async () => {
  await Promise.all(databases.map((database) => dropDatabase(testMysqlUrl(), database)));
  for (const prefix of prefixes) await deleteRedisPrefix(testRedisUrl(), prefix);
});

type Mode = 'single' | 'per-part';

/** Runs `npm start`'s built script on free ports with its own databases, in the given mode. */
async function npmStart(mode: Mode, run: number) {
  const ports = await Promise.all(
    ['gateway', 'shell', ...SERVICES.map((s) => s.name)].map(
      async (name) => [name, await freePort()] as const,
    ),
  );
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    MYSQL_URL: testMysqlUrl(),
    REDIS_URL: testRedisUrl(),
    DASH_REDIS_PREFIX: prefixes[run]!,
    DASH_PROCESSES: mode,
    DASH_DEMO_PLATFORM_PORT: String(await freePort()),
    ...Object.fromEntries(ports.map(([name, port]) => [settingName(name, 'PORT'), String(port)])),
    ...Object.fromEntries(
      SERVICES.map((s) => [settingName(s.name, 'DATABASE'), databaseOf(s.name, run)]),
    ),
  };
  const child = spawn(process.execPath, [START_SCRIPT], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  started.push(child);
  await expect.poll(() => output, { timeout: 300_000, interval: 200 }).toMatch(/is up in|exited/);
  expect(output).toMatch(/is up in/);
  const gatewayUrl = /^\s+GraphQL\s+(\S+)/m.exec(output)?.[1];
  return { child, output: () => output, exited, ports, gatewayUrl: gatewayUrl! };
}

/** What home's top bar asks first: the signed-in account and its balances. */
async function homeQuery(gatewayUrl: string) {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ me { displayName balances { currency total } } }' }),
  });
  return (await response.json()) as {
    data: { me: { displayName: string; balances: unknown[] } };
  };
}

async function expectAllStopped(ports: ReadonlyArray<readonly [string, number]>) {
  for (const [, port] of ports) {
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  }
}

/** The processes `parent` started (Linux: read from /proc). */
async function childrenOf(parent: number): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const children: number[] = [];
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // The fields after the command's closing parenthesis: state, then the parent's pid.
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent)
      children.push(Number(pid));
  }
  return children;
}

describe('npm start', () => {
  it('migrates, seeds, serves the dashboard and stops cleanly on Ctrl-C', async () => {
    const { child, exited, ports, gatewayUrl, output: printed } = await npmStart('single', 0);
    const output = printed();
    const dashboardUrl = /^\s+Dashboard\s+(\S+)/m.exec(output)?.[1];
    expect(output).toMatch(new RegExp(`${dashboardUrl}/login/[\\w-]{32}`));
    // And a link into onboarding for the demo's account that has not onboarded yet, which opens.
    const onboardingToken = new RegExp(`${dashboardUrl}/onboarding/(al_\\w+/[\\w-]+)`).exec(
      output,
    )?.[1];
    expect(dashboardUrl).toBe(`http://127.0.0.1:${ports.find(([n]) => n === 'shell')![1]}`);

    const page = await fetch(dashboardUrl!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('importmap');
    const json = await homeQuery(gatewayUrl);
    expect(json.data.me.displayName).toBe('Jenny Rosen');
    expect(json.data.me.balances.length).toBeGreaterThan(0);

    const opened = await fetch(gatewayUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($t: String!) { openAccountLink(token: $t) { type } }',
        variables: { t: onboardingToken },
      }),
    });
    expect(((await opened.json()) as { data: unknown }).data).toEqual({
      openAccountLink: { type: 'account_onboarding' },
    });

    // The printed demo key works against the printed gateway.
    const key = /test API key: (sk_test_\w+)/.exec(output)?.[1];
    const keys = await fetch(gatewayUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ apiKeys { livemode last4 } }' }),
    });
    expect(((await keys.json()) as { data: unknown }).data).toEqual({
      apiKeys: [{ livemode: false, last4: key!.slice(-4) }],
    });

    // A charge made with it reaches the demo platform's receiver as a verified webhook.
    const charged = await fetch(gatewayUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        query:
          'mutation($input: ChargeInput!, $key: String!) { createCharge(input: $input, idempotencyKey: $key) { id } }',
        variables: {
          input: { account: DEMO_ACCOUNT.id, amount: 4_200, currency: 'usd' },
          key: `start-test-${suffix}`,
        },
      }),
    });
    const chargeId = ((await charged.json()) as { data: { createCharge: { id: string } } }).data
      .createCharge.id;
    await expect
      .poll(printed, { timeout: 20_000, interval: 200 })
      .toMatch(new RegExp(`webhook ✓ charge\\.succeeded .*${chargeId} 4200 usd`));

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expectAllStopped(ports);
  }, 400_000);

  it('runs each part in a process of its own and stops every one on SIGTERM', async () => {
    const { child, exited, ports, gatewayUrl, output } = await npmStart('per-part', 1);
    // Five subgraphs, the gateway and the shell.
    expect(await childrenOf(child.pid!)).toHaveLength(SERVICES.length + 2);
    expect(output()).toMatch(/starting each part in a process of its own/);
    expect((await homeQuery(gatewayUrl)).data.me.displayName).toBe('Jenny Rosen');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expectAllStopped(ports);
  }, 400_000);

  it('stops the whole stack, saying so, when one part exits by itself', async () => {
    const { child, exited, ports, output } = await npmStart('per-part', 2);
    const [first] = await childrenOf(child.pid!);
    process.kill(first!, 'SIGKILL');

    expect(await exited).toBe(1);
    expect(output()).toMatch(/exited \(code null\): the stack is incomplete, stopping it/);
    await expectAllStopped(ports);
  }, 400_000);
});
