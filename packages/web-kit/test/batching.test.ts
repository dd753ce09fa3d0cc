import { describe, expect, it, vi } from 'vitest';
import { createGraphqlClient } from '../src/index.js';
import { batchingFetch } from '../src/batching-fetch.js';

interface Body {
  query: string;
  variables?: Record<string, unknown>;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A gateway that answers each operation by `answer`, a list with a list of results as the
 * gateway's batching does, and records what each request carried.
 */
function gateway(answer: (body: Body) => unknown) {
  const requests: Array<Body | Body[]> = [];
  const fetch = vi.fn(async (_input: unknown, init?: RequestInit) => {
    const sent = JSON.parse(String(init?.body)) as Body | Body[];
    requests.push(sent);
    return json(Array.isArray(sent) ? sent.map(answer) : answer(sent));
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

const idOf = (body: Body) => ({ data: { account: { id: body.variables?.id } } });
const ACCOUNT = 'query Account($id: ID!) { account(id: $id) { id } }';

describe('queries asked together', () => {
  it('go as one request, and each caller gets its own answer', async () => {
    const { fetch, requests } = gateway(idOf);
    const client = createGraphqlClient({ url: 'http://dash.test/graphql', fetch });
    const answers = await Promise.all(
      ['acct_1', 'acct_2', 'acct_3'].map((id) => client.query(ACCOUNT, { id })),
    );
    expect(answers).toEqual([
      { account: { id: 'acct_1' } },
      { account: { id: 'acct_2' } },
      { account: { id: 'acct_3' } },
    ]);
    expect(requests).toHaveLength(1);
    expect((requests[0] as Body[]).map((body) => body.variables?.id)).toEqual([
      'acct_1',
      'acct_2',
      'acct_3',
    ]);
  });

  it('fail one by one: an error in one result is that caller’s alone', async () => {
    const { fetch } = gateway((body) =>
      body.variables?.id === 'acct_bad'
        ? {
            data: null,
            errors: [{ message: 'No such account', extensions: { code: 'NOT_FOUND' } }],
          }
        : idOf(body),
    );
    const client = createGraphqlClient({ url: 'http://dash.test/graphql', fetch });
    const [good, bad] = await Promise.allSettled([
      client.query(ACCOUNT, { id: 'acct_1' }),
      client.query(ACCOUNT, { id: 'acct_bad' }),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: { account: { id: 'acct_1' } } });
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'NOT_FOUND' } });
  });

  it('all hear a refusal of the whole request (over a limit)', async () => {
    const fetch = vi.fn(async () =>
      json(
        { errors: [{ message: 'Too many requests.', extensions: { code: 'RATE_LIMITED' } }] },
        429,
      ),
    ) as unknown as typeof globalThis.fetch;
    const client = createGraphqlClient({ url: 'http://dash.test/graphql', fetch });
    const settled = await Promise.allSettled([
      client.query(ACCOUNT, { id: 'acct_1' }),
      client.query(ACCOUNT, { id: 'acct_2' }),
    ]);
    expect(settled).toMatchObject([
      { status: 'rejected', reason: { code: 'RATE_LIMITED' } },
      { status: 'rejected', reason: { code: 'RATE_LIMITED' } },
    ]);
  });

  it('go as several requests past what the gateway takes in one', async () => {
    const { fetch, requests } = gateway(idOf);
    const send = batchingFetch(fetch, { windowMs: 5, maxOperations: 10 });
    const post = (id: string) =>
      send('http://dash.test/graphql', {
        method: 'POST',
        body: JSON.stringify({ query: ACCOUNT, variables: { id } }),
      });
    const responses = await Promise.all(Array.from({ length: 11 }, (_, i) => post(`acct_${i}`)));
    expect(requests.map((request) => (Array.isArray(request) ? request.length : 1))).toEqual([
      10, 1,
    ]);
    expect(await Promise.all(responses.map((response) => response.json()))).toEqual(
      Array.from({ length: 11 }, (_, i) => ({ data: { account: { id: `acct_${i}` } } })),
    );
  });
});

describe('a mutation', () => {
  it('goes alone and at once, without waiting for the queries of its moment', async () => {
    const { fetch, requests } = gateway(() => ({ data: { ok: true } }));
    const send = batchingFetch(fetch, { windowMs: 200 });
    const post = (query: string) =>
      send('http://dash.test/graphql', { method: 'POST', body: JSON.stringify({ query }) });
    // The query waits for its window; the mutation neither waits nor joins it.
    const query = post('query Account { me { id } }');
    await post('mutation MarkRead { markActivityRead { id } }');
    expect(requests).toEqual([{ query: 'mutation MarkRead { markActivityRead { id } }' }]);
    await query;
    expect(requests).toEqual([
      { query: 'mutation MarkRead { markActivityRead { id } }' },
      { query: 'query Account { me { id } }' },
    ]);
  });
});
