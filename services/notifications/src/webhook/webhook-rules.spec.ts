import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { badInput } from '@dash/errors';
import { DEFAULT_RETRY_POLICY, givesUp, retryDelayMs } from './webhook-retry.rules.js';
import { newWebhookSecret, signWebhook } from './webhook-signature.rules.js';
import { checkEndpointUrl, isPublicAddress } from './webhook-url.rules.js';

describe('webhook signatures', () => {
  it('verify with the Standard Webhooks library, for each secret listed', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const body = '{"id":"evt_1","type":"payout.paid"}';
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook([current, previous], 'evt_1', timestamp, body),
    };
    for (const secret of [current, previous])
      expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() =>
      new Webhook(current).verify(body, { ...headers, 'webhook-id': 'evt_2' }),
    ).toThrow();
  });
});

describe('webhook retries', () => {
  it('double from the first wait, jittered over the upper half, never beyond the longest', () => {
    const policy = { firstDelayMs: 1000, maxDelayMs: 5000, giveUpAfterMs: 60_000 };
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(policy, attempt, 0))).toEqual([
      500, 1000, 2000, 2500, 2500,
    ]);
    expect([1, 2, 3].map((attempt) => retryDelayMs(policy, attempt, 0.999))).toEqual([
      1000, 1999, 3998,
    ]);
  });

  it('stop when the next attempt would fall beyond 3 days', () => {
    const start = new Date('2026-12-01T00:00:00Z');
    const day = 24 * 3600_000;
    expect(givesUp(DEFAULT_RETRY_POLICY, start, new Date(start.getTime() + 3 * day))).toBe(false);
    expect(givesUp(DEFAULT_RETRY_POLICY, start, new Date(start.getTime() + 3 * day + 1))).toBe(
      true,
    );
  });
});

describe('webhook endpoint URLs', () => {
  const strict = { livemode: true, allowPrivateTargets: false };

  it('tell public addresses from the rest', () => {
    expect(['8.8.8.8', '2606:4700::1111'].map(isPublicAddress)).toEqual([true, true]);
    expect(
      ['10.1.2.3', '::ffff:10.1.2.3', '169.254.169.254', 'fe80::1', '::1', 'not-an-ip'].map(
        isPublicAddress,
      ),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('are kept normalised, or refused on url', () => {
    expect(checkEndpointUrl(' https://Example.com/hooks ', strict)).toBe(
      'https://example.com/hooks',
    );
    expect(() => checkEndpointUrl('https://[::1]/hooks', strict)).toThrow(
      badInput('url must not point at a private, loopback or link-local address', 'url'),
    );
    expect(
      checkEndpointUrl('http://127.0.0.1:4010/hooks', {
        livemode: false,
        allowPrivateTargets: true,
      }),
    ).toBe('http://127.0.0.1:4010/hooks');
  });
});
