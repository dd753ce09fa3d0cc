import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEST_KEY, type RunningStack } from '../src/index.js';
import { createAccount } from '../../../docs/api/examples/typescript/create-account.js';
import {
  createAccountLink,
  waitUntilOnboarded,
} from '../../../docs/api/examples/typescript/create-account-link.js';
import { createCharge } from '../../../docs/api/examples/typescript/create-charge.js';
import { createPayout } from '../../../docs/api/examples/typescript/create-payout.js';
import { availableBalance } from '../../../docs/api/examples/typescript/flow.js';
import { ApiError } from '../../../docs/api/examples/typescript/graphql.js';
import {
  createWebhookEndpoint,
  startWebhookReceiver,
  verifyWebhook,
  type DeliveredEvent,
} from '../../../docs/api/examples/typescript/webhooks.js';
import { onboardAccount } from './onboard.js';
import { ownStack } from './support.js';

// docs/api/examples, run for real against a stack of their own: the platform's server calls
// (TypeScript with fetch, and the curl scripts), and the account owner's part of onboarding
// done as its browser would (onboardAccount). A charge's money is available at once here, so
// the payout can take it.
let stack: RunningStack;
ownStack(
  'api_examples',
  (started) => (stack = started),
  (env) => ({ ...env, DASH_AVAILABLE_DELAY_DAYS: '0' }),
);

const CURL = fileURLToPath(new URL('../../../docs/api/examples/curl/', import.meta.url));
const run = promisify(execFile);
let folder: string;

beforeAll(async () => {
  process.env.DASH_API_URL = stack.gatewayUrl;
  process.env.DASH_API_KEY = DEMO_TEST_KEY.secret;
  folder = await mkdtemp(join(tmpdir(), 'dash-api-examples-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** Runs one curl example with the stack's URL and the demo platform's test key: its stdout. */
async function curlExample(script: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('bash', [join(CURL, script), ...args], {
    env: { ...process.env, DASH_API_URL: stack.gatewayUrl, DASH_API_KEY: DEMO_TEST_KEY.secret },
  });
  return stdout.trim();
}

async function eventually<T>(what: string, check: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const LINK_URLS = {
  refreshUrl: 'https://platform.example/onboarding/refresh',
  returnUrl: 'https://platform.example/onboarding/done',
};

describe('the TypeScript examples', () => {
  it('create an account, its onboarding link, a charge and a payout, and verify the webhooks', async () => {
    const events: DeliveredEvent[] = [];
    let secret = '';
    const receiver = await startWebhookReceiver(
      () => secret,
      (event) => events.push(event),
    );
    try {
      ({ secret } = await createWebhookEndpoint(receiver.url));
      expect(secret).toMatch(/^whsec_/);

      const account = await createAccount('examples.typescript@example.com');
      expect(account).toMatchObject({ id: expect.stringMatching(/^acct_/), chargesEnabled: false });
      const link = await createAccountLink(account.id, LINK_URLS);
      expect(link.url).toContain('/onboarding/');

      await onboardAccount(stack, account.id); // the owner, in the browser
      await waitUntilOnboarded(account.id, 30_000);

      const charge = await createCharge(account.id, 2500);
      expect(charge).toMatchObject({ id: expect.stringMatching(/^ch_/), status: 'succeeded' });
      expect(charge.net).toBe(charge.amount - charge.fee);
      expect(await availableBalance(account.id)).toBe(charge.net);

      const tooMuch = await createPayout(account.id, charge.net + 1).catch((error) => error);
      expect(tooMuch).toBeInstanceOf(ApiError);
      expect(tooMuch).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'INSUFFICIENT_FUNDS' });
      const payout = await createPayout(account.id, 2000);
      expect(payout).toMatchObject({ id: expect.stringMatching(/^po_/), status: 'pending' });

      const delivered = (type: string, id: string) =>
        events.find((event) => event.type === type && event.data.object.id === id);
      await eventually('charge.succeeded delivered', () =>
        delivered('charge.succeeded', charge.id),
      );
      await eventually('payout.created delivered', () => delivered('payout.created', payout.id));
      expect(events.every((event) => event.livemode === false)).toBe(true);
    } finally {
      await receiver.stop();
    }
  }, 120_000);

  it('refuse a delivery whose body or signature was changed', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = JSON.stringify({ id: 'evt_1', type: 'payout.paid' });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': 'v1,AAAA',
    };
    expect(() => verifyWebhook(secret, body, headers)).toThrow();
  });
});

interface Captured {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver that keeps what it is sent, for the curl example to verify. */
async function capturingReceiver() {
  const captured: Captured[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      captured.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    captured,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the curl examples', () => {
  it('make the same flow, and verify a delivery with openssl', async () => {
    const receiver = await capturingReceiver();
    try {
      const [endpoint, secret] = (
        await curlExample('create-webhook-endpoint.sh', receiver.url)
      ).split(' ');
      expect(endpoint).toMatch(/^we_/);
      expect(secret).toMatch(/^whsec_/);

      const account = await curlExample('create-account.sh', 'examples.curl@example.com');
      expect(account).toMatch(/^acct_/);
      expect(await curlExample('create-account-link.sh', account)).toContain('/onboarding/');
      await onboardAccount(stack, account);

      const charge = JSON.parse(await curlExample('create-charge.sh', account, '2500'));
      expect(charge).toMatchObject({ id: expect.stringMatching(/^ch_/), status: 'succeeded' });
      const payout = JSON.parse(await curlExample('create-payout.sh', account, '2000'));
      expect(payout).toMatchObject({ id: expect.stringMatching(/^po_/), status: 'pending' });

      const delivery = await eventually('a charge.succeeded delivery', () =>
        receiver.captured.find(
          ({ body }) => (JSON.parse(body) as { type: string }).type === 'charge.succeeded',
        ),
      );
      const bodyFile = join(folder, 'body.json');
      await writeFile(bodyFile, delivery.body);
      const header = (name: string) => String(delivery.headers[name]);
      const verify = (file: string) =>
        curlExample(
          'verify-webhook.sh',
          secret!,
          header('webhook-id'),
          header('webhook-timestamp'),
          header('webhook-signature'),
          file,
        );
      expect(await verify(bodyFile)).toBe('charge.succeeded');

      const tampered = join(folder, 'tampered.json');
      await writeFile(tampered, delivery.body.replace('charge.succeeded', 'charge.refunded'));
      await expect(verify(tampered)).rejects.toThrow(/signature does not match/);
    } finally {
      await receiver.stop();
    }
  }, 120_000);
});
