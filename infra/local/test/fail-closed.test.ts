import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEV_INTERNAL_SECRET } from '@dash/config';
import { SERVICES } from '../src/index.js';

/** Every deployable entry point, as an operator would run it: `node <dir>/dist/main.js`. */
const ENTRY_POINTS = [
  ...SERVICES.map(({ name }) => `services/${name}/dist/main.js`),
  'gateway/dist/main.js',
].map((path) => fileURLToPath(new URL(`../../../${path}`, import.meta.url)));

/** Runs one entry point with only `env` (and PATH) and waits for it to stop on its own. */
function run(entry: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [entry], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Anything still running after a minute (on a loaded machine) started when it should not have.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const runAll = (env: Record<string, string>) =>
  Promise.all(ENTRY_POINTS.map((entry) => run(entry, env)));

describe('start-up fails closed', { timeout: 180_000 }, () => {
  it('refuses to start without NODE_ENV, saying what to set', async () => {
    for (const { code, output } of await runAll({})) {
      expect(code).toBe(78);
      expect(output).toMatch(/NODE_ENV: must be development, test or production/);
      expect(output).not.toMatch(/\n\s+at /); // a message, not a stack trace
    }
  });

  it('refuses production without a secret, or with the published development secret', async () => {
    for (const { code, output } of await runAll({ NODE_ENV: 'production' })) {
      expect(code).toBe(78);
      expect(output).toMatch(/DASH_SECRET_KEYS: must be set in production/);
    }
    const published = await runAll({
      NODE_ENV: 'production',
      DASH_INTERNAL_SECRET: DEV_INTERNAL_SECRET,
    });
    for (const { code, output } of published) {
      expect(code).toBe(78);
      expect(output).toMatch(/development or test secret published with this project/);
    }
  });
});
