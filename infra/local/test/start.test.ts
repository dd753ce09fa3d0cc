import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
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

const START_SCRIPT = fileURLToPath(new URL('../dist/start.js', import.meta.url));

const suffix = `${process.pid}_${Date.now().toString(36)}`;
const databases = SERVICES.map((service) => `test_start_${service.name}_${suffix}`);
const prefix = testRedisPrefix('start');

afterAll(async () => {
  await Promise.all(databases.map((database) => dropDatabase(testMysqlUrl(), database)));
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

describe('npm start', () => {
  it('migrates, seeds, serves the dashboard and stops cleanly on Ctrl-C', async () => {
    const ports = await Promise.all(
      ['gateway', 'shell', ...SERVICES.map((s) => s.name)].map(
        async (name) => [name, await freePort()] as const,
      ),
    );
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      MYSQL_URL: testMysqlUrl(),
      REDIS_URL: testRedisUrl(),
      DASH_REDIS_PREFIX: prefix,
      ...Object.fromEntries(ports.map(([name, port]) => [settingName(name, 'PORT'), String(port)])),
      ...Object.fromEntries(
        SERVICES.map((s, i) => [settingName(s.name, 'DATABASE'), databases[i]!]),
      ),
    };
    const child = spawn(process.execPath, [START_SCRIPT], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );

    await expect.poll(() => output, { timeout: 45_000, interval: 200 }).toMatch(/is up in/);
    const dashboardUrl = /^\s+Dashboard\s+(\S+)/m.exec(output)?.[1];
    const gatewayUrl = /^\s+GraphQL\s+(\S+)/m.exec(output)?.[1];
    expect(output).toMatch(new RegExp(`${dashboardUrl}/login/[\\w-]{32}`));
    // And a link into onboarding for the demo's account that has not onboarded yet, which opens.
    const onboardingToken = new RegExp(`${dashboardUrl}/onboarding/(al_\\w+/[\\w-]+)`).exec(
      output,
    )?.[1];
    expect(dashboardUrl).toBe(`http://127.0.0.1:${ports.find(([n]) => n === 'shell')![1]}`);

    const page = await fetch(dashboardUrl!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('importmap');
    const balances = await fetch(gatewayUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { displayName balances { currency total } } }' }),
    });
    const json = (await balances.json()) as {
      data: { me: { displayName: string; balances: unknown[] } };
    };
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
      openAccountLink: { type: 'ACCOUNT_ONBOARDING' },
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

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const [, port] of ports) {
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    }
  });
});
