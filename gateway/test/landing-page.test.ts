import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl } from '@dash/testing';
import type { RunningGateway } from '../src/index.js';
import { startTestGateway } from './support.js';

// No subgraph is needed: the landing page and introspection are the gateway's own answers.
const redisPrefix = testRedisPrefix('landing');
let development: RunningGateway;
let production: RunningGateway;

beforeAll(async () => {
  [development, production] = await Promise.all([
    startTestGateway({}, `${redisPrefix}-dev`, { nodeEnv: 'development' }),
    startTestGateway({}, `${redisPrefix}-prod`, { nodeEnv: 'production' }),
  ]);
});

afterAll(async () => {
  await Promise.all([development?.stop(), production?.stop()]);
  await deleteRedisPrefix(testRedisUrl(), redisPrefix);
});

const openInBrowser = (gateway: RunningGateway) =>
  fetch(gateway.url, { headers: { accept: 'text/html' } });

const introspect = (gateway: RunningGateway) =>
  fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
  }).then((response) => response.json() as Promise<Record<string, unknown>>);

describe('GraphiQL (Apollo Sandbox) at /graphql', () => {
  it('is served to a browser outside production, with the page’s cookies', async () => {
    const page = await openInBrowser(development);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('embeddable-sandbox');
    expect(html).toContain('"includeCookies":true');
    expect(await introspect(development)).toMatchObject({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
  });

  it('is not served in production, where introspection is refused too', async () => {
    const page = await openInBrowser(production);
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await page.text()).not.toMatch(/sandbox|explorer|<html/i);
    const answer = await introspect(production);
    expect(answer.data).toBeUndefined();
    expect(JSON.stringify(answer.errors)).toMatch(/introspection/i);
  });
});
