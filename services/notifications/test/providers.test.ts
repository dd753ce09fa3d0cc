import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '@dash/testing';
import { HttpSmsProvider } from '../src/delivery/http-sms-provider.service.js';
import { SmtpProvider } from '../src/delivery/smtp-provider.service.js';
import { providerFromConfig } from '../src/delivery/choose-provider.service.js';

const message = {
  deliveryId: 'dlv_1',
  to: 'ada@example.com',
  subject: 'Your sign-in code',
  text: '482913 is your sign-in code.',
};

describe('SMTP provider', () => {
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    // A real SMTP peer on loopback: the provider speaks the protocol, nothing is faked.
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.stop());

  it('sends the message with its delivery id as Message-ID', async () => {
    const provider = new SmtpProvider(smtp.url, 'Dashboard <no-reply@dash.test>');
    await provider.send({ ...message, channel: 'email' });
    provider.close();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatch(/^Subject: Your sign-in code$/m);
    expect(smtp.received[0]).toMatch(/^Message-ID: <dlv_1@dash>$/m);
    expect(smtp.received[0]).toContain('482913 is your sign-in code.');
  });
});

describe('HTTP SMS provider', () => {
  const requests: Array<{ headers: http.IncomingHttpHeaders; body: unknown }> = [];
  let failNext = false;
  const gateway = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(body) });
      res.statusCode = failNext ? 503 : 202;
      failNext = false;
      res.end();
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
  });
  afterAll(() => new Promise((resolve) => gateway.close(resolve)));

  it('posts the text with the delivery id for idempotency, and fails on a non-2xx answer', async () => {
    const provider = new HttpSmsProvider(url, 'sms-token');
    await provider.send({ ...message, channel: 'sms', to: '+15555550142' });
    expect(requests[0]).toMatchObject({
      headers: { authorization: 'Bearer sms-token', 'idempotency-key': 'dlv_1' },
      body: { id: 'dlv_1', to: '+15555550142', text: '482913 is your sign-in code.' },
    });
    failNext = true;
    await expect(provider.send({ ...message, channel: 'sms', to: '+15555550142' })).rejects.toThrow(
      /503/,
    );
  });
});

describe('provider choice', () => {
  const deps = (nodeEnv: 'development' | 'production', env: Record<string, string>) =>
    ({ config: { nodeEnv }, env, dataSource: {}, log: {} }) as unknown as Parameters<
      typeof providerFromConfig
    >[0];

  it('refuses the development outbox in production, and a real provider without its address', () => {
    expect(() => providerFromConfig(deps('production', {}))).toThrow(
      /must name real providers in production/,
    );
    expect(() => providerFromConfig(deps('development', { DASH_EMAIL_PROVIDER: 'smtp' }))).toThrow(
      /DASH_SMTP_URL is required/,
    );
    expect(() =>
      providerFromConfig(deps('development', { DASH_SMS_PROVIDER: 'carrier-pigeon' })),
    ).toThrow(/DASH_SMS_PROVIDER/);
    expect(
      providerFromConfig(
        deps('production', {
          DASH_EMAIL_PROVIDER: 'smtp',
          DASH_SMTP_URL: 'smtp://mail.example:587',
          DASH_SMS_PROVIDER: 'http',
          DASH_SMS_HTTP_URL: 'https://sms.example/send',
        }),
      ),
    ).toBeDefined();
  });
});
