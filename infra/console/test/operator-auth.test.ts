import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  basic,
  bearer,
  from,
  OPERATOR_SECRET,
  startTestConsole,
  type ConsoleUnderTest,
} from './console-harness.js';

const FAILED_ATTEMPTS = 10;

let subject: ConsoleUnderTest;
let staticAsset: string;

beforeAll(async () => {
  subject = await startTestConsole('console-auth', {
    DASH_CONSOLE_FAILED_ATTEMPTS: String(FAILED_ATTEMPTS),
  });
  // The board's own script, as the page names it: the static files are guarded like the rest.
  const page = await fetch(`${subject.url}/`, { headers: { ...bearer(OPERATOR_SECRET) } });
  staticAsset = /src="(static\/js\/main\.[^"]+\.js)"/.exec(await page.text())![1]!;
});
afterAll(() => subject.stop());

let nextAddress = 0;
/** A client address of its own for each test, so one test's failures never throttle another. */
const freshAddress = () => `203.0.113.${++nextAddress}`;

const get = (path: string, headers: Record<string, string>) =>
  fetch(`${subject.url}${path}`, { headers });

/** Every kind of console route: page, static file, API read, API action, unknown path. */
const guardedRoutes = () => [
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/queue/delivery' },
  { method: 'GET', path: `/${staticAsset}` },
  { method: 'GET', path: '/api/queues' },
  { method: 'PUT', path: '/api/queues/delivery/retry/failed' },
  { method: 'PUT', path: '/api/queues/delivery/1/retry' },
  { method: 'PUT', path: '/api/queues/delivery/clean/completed' },
  { method: 'GET', path: '/no-such-page' },
];

describe('the operator console to someone without a token', () => {
  it('answers every console route, static files and API included, with 401 and nothing else', async () => {
    const address = freshAddress();
    for (const { method, path } of guardedRoutes()) {
      const response = await fetch(`${subject.url}${path}`, { method, headers: from(address) });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      expect(await response.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: 'An operator token is required.' },
      });
    }
  });

  it('refuses wrong tokens, tokens one character off, and malformed credentials', async () => {
    const oneOff = (index: number) =>
      OPERATOR_SECRET.slice(0, index) +
      (OPERATOR_SECRET[index] === 'a' ? 'b' : 'a') +
      OPERATOR_SECRET.slice(index + 1);
    const attempts: Array<Record<string, string>> = [
      bearer('not-the-token'),
      bearer(oneOff(0)),
      bearer(oneOff(OPERATOR_SECRET.length - 1)),
      bearer(OPERATOR_SECRET.slice(0, -1)),
      bearer(`${OPERATOR_SECRET}x`),
      bearer(OPERATOR_SECRET.toUpperCase()),
      basic('alice', oneOff(5)),
      // The token id is a name, not a secret: it opens nothing.
      basic('alice', 'alice'),
      { authorization: `Basic ${Buffer.from(OPERATOR_SECRET).toString('base64')}` },
      { authorization: 'Basic !!!not-base64!!!' },
      { authorization: 'Bearer' },
      { authorization: `Token ${OPERATOR_SECRET}` },
      { authorization: `Bearer ${'x'.repeat(8000)}` },
    ];
    for (const headers of attempts) {
      const response = await get('/api/queues', { ...headers, ...from(freshAddress()) });
      expect(response.status, JSON.stringify(headers).slice(0, 80)).toBe(401);
    }
  });

  it('throttles a burst of parallel guesses at the limit, and then refuses even the right token', async () => {
    const address = freshAddress();
    const guesses = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        get('/api/queues', { ...bearer(`guess-${index}`), ...from(address) }),
      ),
    );
    const statuses = guesses.map((response) => response.status);
    // However the requests interleave, no more guesses are checked than the limit allows.
    expect(statuses.filter((status) => status === 401)).toHaveLength(FAILED_ATTEMPTS);
    expect(statuses.filter((status) => status === 429)).toHaveLength(60 - FAILED_ATTEMPTS);
    const throttled = guesses.find((response) => response.status === 429)!;
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await throttled.json()) as unknown).toMatchObject({
      error: { code: 'RATE_LIMITED' },
    });

    // While throttled a right guess looks like a wrong one: nothing is learned from it.
    const right = await get('/api/queues', { ...bearer(OPERATOR_SECRET), ...from(address) });
    expect(right.status).toBe(429);
    // Another address is not held up by this one.
    const elsewhere = await get('/api/queues', {
      ...bearer(OPERATOR_SECRET),
      ...from(freshAddress()),
    });
    expect(elsewhere.status).toBe(200);
  });

  it('does not let a spoofed X-Forwarded-For from an untrusted hop dodge the limit', async () => {
    // The console trusts only loopback proxies: a forged hop before a real client is ignored,
    // so the count lands on the real client however many addresses it claims.
    const realClient = freshAddress();
    const statuses = await Promise.all(
      Array.from({ length: FAILED_ATTEMPTS + 5 }, (_, index) =>
        get('/api/queues', {
          ...bearer(`guess-${index}`),
          'x-forwarded-for': `198.51.100.${index}, ${realClient}`,
        }).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
  });

  it('lets an operator in after sign-in mistakes below the limit, and a page-load burst does not lock them out', async () => {
    const address = freshAddress();
    for (let mistake = 0; mistake < FAILED_ATTEMPTS - 2; mistake++)
      expect((await get('/', { ...basic('alice', 'typo'), ...from(address) })).status).toBe(401);
    const burst = await Promise.all(
      Array.from({ length: 25 }, () =>
        get('/api/queues', { ...basic('alice', OPERATOR_SECRET), ...from(address) }),
      ),
    );
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    // Right tokens leave no count behind, even those refused in the burst.
    const after = await get('/api/queues', {
      ...basic('alice', OPERATOR_SECRET),
      ...from(address),
    });
    expect(after.status).toBe(200);
  });
});

describe('the operator console to an operator', () => {
  it('serves the board page, its static files and API with bearer or Basic', async () => {
    const address = freshAddress();
    const page = await get('/', { ...basic('anyone', OPERATOR_SECRET), ...from(address) });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const asset = await get(`/${staticAsset}`, { ...bearer(OPERATOR_SECRET), ...from(address) });
    expect(asset.status).toBe(200);
    const api = await get('/api/queues', { ...bearer(OPERATOR_SECRET), ...from(address) });
    expect(api.status).toBe(200);
  });

  it('sends security headers with every answer, refused or not', async () => {
    for (const headers of [{}, bearer(OPERATOR_SECRET)]) {
      const response = await get('/', { ...headers, ...from(freshAddress()) });
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers an unknown path with a JSON 404', async () => {
    const response = await get('/no-such-page', {
      ...bearer(OPERATOR_SECRET),
      ...from(freshAddress()),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('refuses an action another site makes the browser send with remembered credentials', async () => {
    const response = await fetch(`${subject.url}/api/queues/delivery/clean/completed`, {
      method: 'PUT',
      headers: {
        ...basic('alice', OPERATOR_SECRET),
        ...from(freshAddress()),
        origin: 'https://attacker.example',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('health, readiness and metrics', () => {
  it('are open to the orchestrator and Prometheus without a token', async () => {
    const health = await fetch(`${subject.url}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('request-id')).toMatch(/\S{8,}/);
    const metrics = await fetch(`${subject.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/part="console"/);
    const ready = await fetch(`${subject.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { redis: 'ok' } });
  });
});
