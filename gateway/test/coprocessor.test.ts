import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyRing } from '@dash/config';
import { identityService } from '@dash/identity';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, graphqlRequest, testRedisPrefix, testRedisUrl } from '@dash/testing';
import type { RunningGateway } from '../src/index.js';
import type { RunningCoprocessor } from '../src/coprocessor/index.js';
import { sealDecision } from '../src/coprocessor/sealed-context.js';
import { CALLER_CONTEXT_KEY } from '../src/coprocessor/protocol.js';
import { bearer, platformWithAccount, signIn, startTestGateway } from './support.js';
import {
  codeOf,
  fetchHeadersOf,
  routerRequest,
  sendStage,
  startTestCoprocessor,
  subgraphRequest,
  type StageAnswer,
} from './coprocessor-support.js';

// The coprocessor and a Node gateway share identity and one Redis prefix, as in production
// while traffic moves from one to the other.
const prefix = testRedisPrefix('coprocessor');
let identity: TestService;
let gateway: RunningGateway;
let coprocessor: RunningCoprocessor;
let platformSecret: string;
let platformId: string;
let cookie: string;

beforeAll(async () => {
  identity = await startTestService(identityService, { DASH_REDIS_PREFIX: prefix });
  [gateway, coprocessor] = await Promise.all([
    startTestGateway({ identity: identity.url }, prefix),
    startTestCoprocessor(identity.url, prefix),
  ]);
  const platform = await platformWithAccount(identity, 'Router Co', 'acct_router');
  platformSecret = platform.secret;
  platformId = platform.platformId;
  cookie = await signIn(gateway.url, platformSecret, 'acct_router');
});
afterAll(async () => {
  await Promise.all([gateway?.stop(), coprocessor?.stop()]);
  await identity?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

const isContinue = (answer: StageAnswer) =>
  answer.status === 200 && answer.json.control === 'continue';
const breakOf = (answer: StageAnswer) =>
  typeof answer.json.control === 'object' ? answer.json.control.break : undefined;

/** RouterRequest, then a SubgraphRequest to `serviceName` with the context it answered. */
async function throughRouter(headers: Record<string, string>, serviceName = 'identity') {
  const id = randomUUID();
  const first = await sendStage(coprocessor.url, routerRequest(headers, id));
  expect(isContinue(first)).toBe(true);
  const second = await sendStage(
    coprocessor.url,
    subgraphRequest(id, serviceName, first.json.context),
  );
  expect(isContinue(second)).toBe(true);
  return second.json.headers!;
}

/** What identity, a real subgraph, answers `{ me }` and `{ platform }` sent with these headers. */
const askIdentity = (headers: Record<string, string[]>, query: string) =>
  graphqlRequest<Record<string, { id: string } | null>>(
    identity.url,
    query,
    {},
    fetchHeadersOf(headers),
  );

describe('RouterRequest: who is calling', () => {
  it('breaks with 401 and our error shape for an anonymous request, echoing the control fields', async () => {
    const payload = routerRequest({});
    const answer = await sendStage(coprocessor.url, payload);
    expect(answer.status).toBe(200);
    expect(breakOf(answer)).toBe(401);
    expect(answer.json).toMatchObject({ version: 1, stage: 'RouterRequest', id: payload.id });
    expect(typeof answer.json.body).toBe('string');
    expect(codeOf(answer)).toBe('UNAUTHENTICATED');
  });

  it('continues a valid API key with the caller sealed into the context, keeping the Router’s entries', async () => {
    const answer = await sendStage(coprocessor.url, routerRequest(bearer(platformSecret)));
    expect(isContinue(answer)).toBe(true);
    const entries = answer.json.context!.entries;
    expect(entries['accepts-json']).toBe(true);
    expect(typeof entries[CALLER_CONTEXT_KEY]).toBe('string');
    // Sealed, not readable as a plain caller someone could copy and edit.
    expect(JSON.stringify(entries)).not.toContain(platformSecret);
  });

  it('continues a session cookie', async () => {
    const answer = await sendStage(coprocessor.url, routerRequest({ cookie }));
    expect(isContinue(answer)).toBe(true);
  });

  it('refuses forged API keys and unknown sessions, also in parallel', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sendStage(
          coprocessor.url,
          routerRequest(
            i % 2
              ? bearer(`sk_test_forged${i}`)
              : { cookie: `dash_session=forged${i}`, authorization: 'Basic eDp5' },
          ),
        ),
      ),
    );
    for (const answer of answers) {
      expect(breakOf(answer)).toBe(401);
      expect(codeOf(answer)).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a request a browser could send from another site (no preflight)', async () => {
    const answer = await sendStage(
      coprocessor.url,
      routerRequest({ cookie, 'content-type': 'text/plain' }),
    );
    expect(breakOf(answer)).toBe(400);
  });
});

describe('SubgraphRequest: the signed caller for that subgraph', () => {
  it('gives identity, a real subgraph, headers it accepts for an API key and for a session', async () => {
    const platformHeaders = await throughRouter(bearer(platformSecret));
    const platform = await askIdentity(platformHeaders, '{ platform { id } }');
    expect(platform.errors).toBeUndefined();
    expect(platform.data?.platform?.id).toBe(platformId);

    const sessionHeaders = await throughRouter({ cookie });
    const me = await askIdentity(sessionHeaders, '{ me { id } }');
    expect(me.data?.me?.id).toBe('acct_router');
    // The client's own credentials never reach the subgraph.
    expect(sessionHeaders.cookie).toBeUndefined();
  });

  it('signs for the named subgraph only: identity refuses headers meant for the ledger', async () => {
    const ledgerHeaders = await throughRouter(bearer(platformSecret), 'ledger');
    const answer = await askIdentity(ledgerHeaders, '{ platform { id } }');
    expect(answer.status).toBe(401);
  });

  it('replaces a caller header the client or Router tried to pass along', async () => {
    const id = randomUUID();
    const first = await sendStage(coprocessor.url, routerRequest({ cookie }, id));
    const planted = await throughRouter(bearer(platformSecret));
    const answer = await sendStage(
      coprocessor.url,
      subgraphRequest(id, 'identity', first.json.context, {
        'x-dash-caller': planted['x-dash-caller']![0]!,
        'X-Dash-Client-Ip': '6.6.6.6',
      }),
    );
    const headers = answer.json.headers!;
    expect(headers['X-Dash-Client-Ip']).toBeUndefined();
    // Had the planted platform header gone through, `me` would be nobody.
    const me = await askIdentity(headers, '{ me { id } }');
    expect(me.data?.me?.id).toBe('acct_router');
  });

  it('refuses a SubgraphRequest without a context from RouterRequest: an attacker reaching the coprocessor', async () => {
    const bare = await sendStage(coprocessor.url, subgraphRequest(randomUUID(), 'identity', {}));
    expect(breakOf(bare)).toBe(401);
    expect(codeOf(bare)).toBe('UNAUTHENTICATED');
    expect(bare.json.headers?.['x-dash-caller']).toBeUndefined();
  });

  it('refuses a context that is forged, edited, from another request, expired or sealed with another key', async () => {
    const id = randomUUID();
    const first = await sendStage(coprocessor.url, routerRequest({ cookie }, id));
    const sealed = first.json.context!.entries[CALLER_CONTEXT_KEY] as string;
    const [kid, payload, mac] = sealed.split('.');
    const envelope = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as {
      caller: Record<string, unknown>;
    };
    const promoted = Buffer.from(
      JSON.stringify({
        ...envelope,
        caller: { kind: 'platform', platformId, livemode: false, keyId: 'key_x' },
      }),
    ).toString('base64url');
    const decided = {
      caller: { kind: 'platform' as const, platformId, livemode: false, keyId: 'key_x' },
      requestId: 'r',
      clientIp: '127.0.0.1',
    };
    const forgeries = [
      { [CALLER_CONTEXT_KEY]: JSON.stringify(decided) },
      { [CALLER_CONTEXT_KEY]: `${kid}.${promoted}.${mac}` },
      { [CALLER_CONTEXT_KEY]: sealDecision(decided, id, TEST_SECRET_KEYS, Date.now() - 600_000) },
      { [CALLER_CONTEXT_KEY]: sealDecision(decided, id, keyRing('zz:another-secret-entirely')) },
      { [CALLER_CONTEXT_KEY]: 42 },
    ];
    const answers = await Promise.all([
      // A genuine seal, replayed on another Router request.
      sendStage(coprocessor.url, subgraphRequest(randomUUID(), 'identity', first.json.context)),
      ...forgeries.map((entries) =>
        sendStage(coprocessor.url, subgraphRequest(id, 'identity', { entries })),
      ),
    ]);
    for (const answer of answers) {
      expect(breakOf(answer)).toBe(401);
      expect(answer.json.headers?.['x-dash-caller']).toBeUndefined();
    }
  });

  it('refuses a subgraph that is not ours', async () => {
    const id = randomUUID();
    const first = await sendStage(coprocessor.url, routerRequest({ cookie }, id));
    const answer = await sendStage(
      coprocessor.url,
      subgraphRequest(id, 'elsewhere', first.json.context),
    );
    expect(breakOf(answer)).toBe(403);
  });
});

describe('revoked credentials', () => {
  it('an API key revoked through the gateway is refused by the coprocessor at its next request', async () => {
    const issued = await graphqlRequest<{
      createApiKey: { key: { id: string }; secret: string };
    }>(gateway.url, 'mutation { createApiKey { key { id } secret } }', {}, bearer(platformSecret));
    const leaked = issued.data!.createApiKey;
    expect(isContinue(await sendStage(coprocessor.url, routerRequest(bearer(leaked.secret))))).toBe(
      true,
    );
    await graphqlRequest(
      gateway.url,
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: leaked.key.id },
      bearer(platformSecret),
    );
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        sendStage(coprocessor.url, routerRequest(bearer(leaked.secret))),
      ),
    );
    expect(answers.map(breakOf)).toEqual(Array(10).fill(401));
  });

  it('a session ended through the gateway is refused by the coprocessor at its next request', async () => {
    const ending = await signIn(gateway.url, platformSecret, 'acct_router');
    expect(isContinue(await sendStage(coprocessor.url, routerRequest({ cookie: ending })))).toBe(
      true,
    );
    await graphqlRequest(gateway.url, 'mutation { signOut }', {}, { cookie: ending });
    const answer = await sendStage(coprocessor.url, routerRequest({ cookie: ending }));
    expect(breakOf(answer)).toBe(401);
  });
});

describe('when identity cannot answer', () => {
  it('breaks with 503 UNAVAILABLE, not a hang, and lets nobody through', async () => {
    const cut = await startTestCoprocessor('http://127.0.0.1:9/graphql', prefix, {
      identityTimeoutMs: 500,
    });
    try {
      const startedAt = Date.now();
      const answer = await sendStage(
        cut.url,
        routerRequest(bearer('sk_test_unknownwhileidentityisdown')),
      );
      expect(Date.now() - startedAt).toBeLessThan(3_000);
      expect(breakOf(answer)).toBe(503);
      expect(codeOf(answer)).toBe('UNAVAILABLE');
    } finally {
      await cut.stop();
    }
  });
});

describe('what the Router never sends', () => {
  const valid = () => routerRequest(bearer(platformSecret));

  it.each([
    ['malformed JSON', '{"version": 1, "stage": '],
    ['an unknown stage', { ...valid(), stage: 'ExecutionRequest' }],
    ['another protocol version', { ...valid(), version: 2 }],
    ['a control that is not continue', { ...valid(), control: { break: 200 } }],
    ['no id', { ...valid(), id: undefined }],
    ['headers that are not lists', { ...valid(), headers: { authorization: 'Bearer x' } }],
    ['not an object', [1, 2, 3]],
  ])('refuses %s with a 400 and no caller', async (_what, payload) => {
    const answer = await sendStage(coprocessor.url, payload);
    expect(answer.status).toBe(400);
    expect(answer.json.error?.message).toBeTruthy();
    expect(answer.json.context).toBeUndefined();
  });

  it('serves /health and /ready', async () => {
    const base = coprocessor.url.replace(/\/$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });
});
