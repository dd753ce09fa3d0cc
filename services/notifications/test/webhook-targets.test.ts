import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { platformCaller, startTestService, type TestService } from '@dash/subgraph/testing';
import { notificationsService } from '../src/index.js';
import { WebhookSender } from '../src/webhook/webhook-sender.service.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/*
 * Endpoints as an attacker would set them: at the sender's own network (loopback, private
 * ranges, cloud metadata, IPv4 hidden in IPv6, names that resolve there), with malformed
 * input, past the cap in parallel, and at another platform's endpoints.
 */
let notifications: TestService;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const platformA = platformCaller('plat_ssrf_a');
const platformB = platformCaller('plat_ssrf_b');
const liveA: Caller = {
  kind: 'platform',
  platformId: 'plat_ssrf_a',
  livemode: true,
  keyId: 'key_live',
};

const CREATE = `mutation($url: String!, $events: [String!]!) {
  createWebhookEndpoint(url: $url, enabledEvents: $events) { endpoint { id url livemode } secret }
}`;
const create = (url: string, caller: Caller = platformA, events = ['*']) =>
  notifications.query<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    CREATE,
    { url, events },
    caller,
  );

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // As in production: no private targets.
  notifications = await startTestService(notificationsService, {
    DASH_WEBHOOK_PRIVATE_TARGETS: 'off',
  });
});
afterAll(async () => {
  await notifications?.close();
  await receiver?.close();
});

describe('webhook endpoint targets', () => {
  it('refuses loopback, private, link-local and metadata addresses, however written', async () => {
    const targets = [
      'http://127.0.0.1/hook',
      'http://127.1/hook',
      'http://2130706433/hook',
      'http://0x7f000001/hook',
      'http://10.0.0.8/hook',
      'http://172.16.3.4/hook',
      'http://192.168.1.1/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/hook',
      'http://0.0.0.0/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::ffff:a9fe:a9fe]/hook',
      'http://[fd00::1]/hook',
      'http://[fe80::1]/hook',
      'http://localhost/hook',
      'http://api.localhost/hook',
    ];
    const answers = await Promise.all(targets.map((url) => create(url)));
    for (const [index, answer] of answers.entries())
      expect(answer.errors?.[0]?.extensions, targets[index]).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'url',
      });
    expect(answers.every((answer) => !answer.data?.createWebhookEndpoint)).toBe(true);
  });

  it('refuses malformed endpoints with a typed error', async () => {
    const cases: Array<[string, string[], string]> = [
      ['javascript:alert(1)', ['*'], 'url'],
      ['ftp://example.com/hook', ['*'], 'url'],
      ['https://user:secret@example.com/hook', ['*'], 'url'],
      ['https://example.com/hook#fragment', ['*'], 'url'],
      ['not a url', ['*'], 'url'],
      [`https://example.com/${'a'.repeat(2100)}`, ['*'], 'url'],
      ['https://example.com/hook', [], 'enabledEvents'],
      ['https://example.com/hook', ['payout.exploded'], 'enabledEvents'],
    ];
    for (const [url, events, field] of cases) {
      const answer = await create(url, platformA, events);
      expect(answer.errors?.[0]?.extensions, url.slice(0, 60)).toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      if (answer.errors?.[0]?.extensions?.field)
        expect(answer.errors[0].extensions.field).toBe(field);
      expect(JSON.stringify(answer.errors)).not.toMatch(/at \w+ \(|node_modules/);
    }
    // Live mode takes https only; test mode takes http too.
    expect((await create('http://example.com/hook', liveA)).errors?.[0]?.extensions?.field).toBe(
      'url',
    );
    expect((await create('https://example.com/hook', liveA)).errors).toBeUndefined();
    expect((await create('http://example.com/hook', platformA)).errors).toBeUndefined();
  });

  it('checks the address a name resolves to when sending, not only when saving', async () => {
    const sender = new WebhookSender({ timeoutMs: 2000, allowPrivateTargets: false });
    try {
      for (const url of [
        `http://localhost:${receiver.port}/rebound`,
        `http://127.0.0.1:${receiver.port}/rebound`,
        `http://[::ffff:127.0.0.1]:${receiver.port}/rebound`,
      ]) {
        const outcome = await sender.send(url, { 'content-type': 'application/json' }, '{}');
        expect(outcome, url).toMatchObject({ statusCode: null });
        expect(outcome.error, url).toMatch(/not a public address/);
      }
      expect(receiver.on('/rebound')).toHaveLength(0);
    } finally {
      await sender.close();
    }
    // The same sender where private targets are allowed does reach it: the refusal above is
    // the guard's, not a connection failure.
    const open = new WebhookSender({ timeoutMs: 2000, allowPrivateTargets: true });
    const reached = await open.send(`http://localhost:${receiver.port}/rebound`, {}, '{}');
    await open.close();
    expect(reached.statusCode).toBe(200);
  });

  it('keeps a platform to 16 endpoints per mode, however many are created at once', async () => {
    const platform = platformCaller('plat_ssrf_cap');
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        create(`https://hooks.example.com/${index}`, platform),
      ),
    );
    const made = answers.filter((answer) => answer.data?.createWebhookEndpoint);
    expect(made).toHaveLength(16);
    for (const refused of answers.filter((answer) => answer.errors))
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never shows or changes another platform’s endpoints', async () => {
    const mine = await create('https://a.example.com/hook');
    const id = mine.data!.createWebhookEndpoint.endpoint.id;
    const attempts = [
      `query { webhookEndpoint(id: "${id}") { id } }`,
      `query { webhookDeliveries(endpoint: "${id}") { nodes { id } } }`,
      `mutation { updateWebhookEndpoint(id: "${id}", url: "https://evil.example.com/") { id } }`,
      `mutation { rollWebhookEndpointSecret(id: "${id}") { secret } }`,
      `mutation { sendTestWebhook(endpoint: "${id}", type: "payout.paid") { id } }`,
      `mutation { deleteWebhookEndpoint(id: "${id}") }`,
    ];
    for (const query of attempts)
      expect(
        (await notifications.query(query, {}, platformB)).errors?.[0]?.extensions?.code,
        query,
      ).toBe('NOT_FOUND');
    // Nor does the same platform's other mode.
    expect((await notifications.query(attempts[0]!, {}, liveA)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const listed = await notifications.query<{
      webhookEndpoints: { nodes: Array<{ id: string }> };
    }>(`{ webhookEndpoints(first: 100) { nodes { id } } }`, {}, platformB);
    expect(listed.data!.webhookEndpoints.nodes.map((node) => node.id)).not.toContain(id);
    const still = await notifications.query<{ webhookEndpoint: { url: string } }>(
      `query { webhookEndpoint(id: "${id}") { url } }`,
      {},
      platformA,
    );
    expect(still.data!.webhookEndpoint.url).toBe('https://a.example.com/hook');
  });
});
