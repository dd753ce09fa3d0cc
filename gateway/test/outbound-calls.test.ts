import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl } from '@dash/testing';
import type { RunningGateway } from '../src/index.js';
import { keepVendorTelemetryOff } from '../src/vendor-telemetry.js';
import { startTestGateway } from './support.js';

const redisPrefix = testRedisPrefix('gateway-outbound');
/** Every host this process opened an HTTP request to (node:http and undici alike). */
const hostsCalled: string[] = [];
const onHttp = (message: unknown) =>
  hostsCalled.push((message as { request: ClientRequest }).request.host);
const onUndici = (message: unknown) =>
  hostsCalled.push(new URL((message as { request: { origin: string } }).request.origin).hostname);
let gateway: RunningGateway;

beforeAll(async () => {
  dc.subscribe('http.client.request.start', onHttp);
  dc.subscribe('undici:request:create', onUndici);
  // As on a machine where nobody set it: the gateway must not depend on the environment.
  delete process.env.APOLLO_TELEMETRY_DISABLED;
  gateway = await startTestGateway({}, redisPrefix);
});

afterAll(async () => {
  dc.unsubscribe('http.client.request.start', onHttp);
  dc.unsubscribe('undici:request:create', onUndici);
  await gateway?.stop();
  await deleteRedisPrefix(testRedisUrl(), redisPrefix);
});

describe('calls the gateway makes of its own accord', () => {
  it('goes to no host but the configured ones: no cloud metadata endpoints, no vendor reporting', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    // Apollo's library starts its cloud probes as the gateway is built; give any a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hostsCalled.filter((host) => host !== '127.0.0.1')).toEqual([]);
  });

  it("leaves an operator's own choice of Apollo's reporting as it is", () => {
    const env: NodeJS.ProcessEnv = { APOLLO_TELEMETRY_DISABLED: 'false' };
    keepVendorTelemetryOff(env);
    expect(env.APOLLO_TELEMETRY_DISABLED).toBe('false');
    const unset: NodeJS.ProcessEnv = {};
    keepVendorTelemetryOff(unset);
    expect(unset.APOLLO_TELEMETRY_DISABLED).toBe('true');
  });
});
