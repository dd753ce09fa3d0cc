import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { identityService } from '@dash/identity';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, graphqlRequest, testRedisPrefix, testRedisUrl } from '@dash/testing';
import type { RunningGateway } from '../src/index.js';
import { platformWithAccount, signIn, startTestGateway } from './support.js';

const prefix = testRedisPrefix('identity-check');
let identity: TestService;
let gateway: RunningGateway;
let relay: http.Server;
let identityViaRelay: string;
/** How many times the gateway asked identity who holds a credential. */
let authenticateCalls = 0;

/**
 * The real identity service behind a relay that counts the gateway's `/internal/authenticate`
 * calls on their way through.
 */
function countingRelay(target: string): Promise<string> {
  relay = http.createServer((request, response) => {
    if (request.url?.startsWith('/internal/authenticate')) authenticateCalls += 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = { ...request.headers };
      delete headers.host;
      delete headers['content-length'];
      fetch(new URL(request.url!, target), {
        method: request.method!,
        headers: headers as Record<string, string>,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      })
        .then(async (answer) => {
          // Every header identity sent (its session header among them), bar the framing ones.
          const passed = [...answer.headers].filter(
            ([name]) =>
              !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(
                name,
              ),
          );
          response.writeHead(answer.status, Object.fromEntries(passed));
          response.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => response.writeHead(502).end());
    });
  });
  return new Promise((resolve) =>
    relay.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(relay.address() as AddressInfo).port}/graphql`),
    ),
  );
}

beforeAll(async () => {
  identity = await startTestService(identityService, { DASH_REDIS_PREFIX: prefix });
  identityViaRelay = await countingRelay(identity.url);
  gateway = await startTestGateway({ identity: identityViaRelay }, prefix);
});
afterAll(async () => {
  await gateway?.stop();
  await new Promise((resolve) => relay?.close(resolve));
  await identity?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

it("a page's requests sent at once ask identity about their session once", async () => {
  const { secret } = await platformWithAccount(identity, 'Page Co', 'acct_pageco');
  const cookie = await signIn(gateway.url, secret, 'acct_pageco');
  // A gateway that has not seen the session yet (as after a restart or on another replica).
  const fresh = await startTestGateway({ identity: identityViaRelay }, prefix);
  try {
    authenticateCalls = 0;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        graphqlRequest<{ me: { id: string } }>(
          fresh.url,
          '{ me { id displayName } }',
          {},
          { cookie },
        ),
      ),
    );
    expect(answers.map((answer) => answer.data?.me.id)).toEqual(
      Array.from({ length: 12 }, () => 'acct_pageco'),
    );
    expect(authenticateCalls).toBe(1);
  } finally {
    await fresh.stop();
  }
});
