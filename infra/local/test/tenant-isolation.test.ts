import { readFile } from 'node:fs/promises';
import {
  buildASTSchema,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { signCaller, type Caller } from '@dash/auth-context';
import { keyRing } from '@dash/config';
import { TEST_SECRET_KEYS } from '@dash/subgraph/testing';
import { graphqlRequest } from '@dash/testing';
import { DEMO_ACCOUNT, DEMO_PLATFORM, type RunningStack } from '../src/index.js';
import {
  anotherPlatform,
  createAccountThroughApi,
  demoAccountCaller,
  ownStack,
} from './support.js';

let stack: RunningStack;
ownStack(
  'tenants',
  (started) => (stack = started),
  ({ DASH_DEV_ACCOUNT_ID: _a, DASH_DEV_PLATFORM_ID: _p, ...env }) => env,
);
let otherKey: string;
let otherAccountId: string;

const demoAccount = demoAccountCaller(DEMO_ACCOUNT.id);

beforeAll(async () => {
  otherKey = (await anotherPlatform(stack, 'Second Tenant')).testSecret;
  otherAccountId = await createAccountThroughApi(stack, 'second@example.com', {
    authorization: `Bearer ${otherKey}`,
  });
});

const unwrap = (type: GraphQLType): GraphQLType =>
  isNonNullType(type) || isListType(type) ? unwrap(type.ofType) : type;

/** Values for a field's required arguments: enough for the owner to get an answer. */
function argumentsOf(field: GraphQLField<unknown, unknown>): string {
  const sample: Record<string, string> = { timeZone: '"UTC"', currency: '"usd"' };
  const required = field.args.filter(
    (arg) => isNonNullType(arg.type) && arg.defaultValue === undefined,
  );
  if (required.length === 0) return '';
  const values = required.map((arg) => {
    const type = unwrap(arg.type);
    const value = isEnumType(type) ? type.getValues()[0]!.name : (sample[arg.name] ?? '"x"');
    return `${arg.name}: ${value}`;
  });
  return `(${values.join(', ')})`;
}

/**
 * A selection of every field of a type, so any leak would show: objects by their type name, and
 * pages by their rows.
 */
function selectionOf(fields: Record<string, GraphQLField<unknown, unknown>>): string {
  return Object.values(fields)
    .map((field) => {
      const type = unwrap(field.type);
      const inner =
        isObjectType(type) && 'nodes' in type.getFields() ? ' { nodes { __typename } }' : '';
      const select = isObjectType(type) ? inner || ' { __typename }' : '';
      return `${field.name}${argumentsOf(field)}${select}`;
    })
    .join(' ');
}

/** Nothing there: null, zero, an empty list, or an object of nothing but empties. */
const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === 0 ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.entries(value as Record<string, unknown>).every(
      ([key, inner]) => key === '__typename' || isEmpty(inner),
    ) &&
    Object.keys(value as object).some((key) => key !== '__typename'));

describe('tenant isolation across the whole supergraph', () => {
  it("shows a second tenant nothing of the first, in every field of every subgraph's Account", async () => {
    const otherTenant: Caller[] = [
      { kind: 'platform', platformId: 'plat_second', livemode: false, keyId: 'key_second' },
      { kind: 'account', accountId: otherAccountId, platformId: 'plat_second', livemode: false },
      { kind: 'platform', platformId: DEMO_PLATFORM.id, livemode: true, keyId: 'key_live' }, // live key, test data
    ];
    let fieldsWalked = 0;
    for (const service of stack.services) {
      const sdl = await readFile(
        new URL(`../../../services/${service.name}/schema.graphql`, import.meta.url),
        'utf8',
      );
      const schema = buildASTSchema(parse(sdl.replace(/extend schema[^\n]*\n[^\n]*\n/, '')), {
        assumeValidSDL: true,
      });
      const account = schema.getType('Account');
      if (!account || !isObjectType(account)) continue;
      const fields = Object.fromEntries(
        Object.entries(account.getFields()).filter(([name]) => name !== 'id'),
      );
      fieldsWalked += Object.keys(fields).length;
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { ${selectionOf(fields)} } } }`;
      const variables = { r: [{ __typename: 'Account', id: DEMO_ACCOUNT.id }] };
      const ask = (caller: Caller) =>
        graphqlRequest<{ _entities: Array<Record<string, unknown> | null> }>(
          service.url,
          query,
          variables,
          {
            'x-dash-caller': signCaller(caller, TEST_SECRET_KEYS, { audience: service.name }),
          },
        );

      // The owner sees its data, so the empty answers below mean "denied", not "nothing there".
      const own = await ask(demoAccount);
      expect(own.errors, service.name).toBeUndefined();
      expect(
        Object.values(own.data!._entities[0] ?? {}).some((value) => !isEmpty(value)),
        service.name,
      ).toBe(true);

      for (const caller of otherTenant) {
        const response = await ask(caller);
        const entity = response.data?._entities[0];
        const leaked = entity ? Object.entries(entity).filter(([, value]) => !isEmpty(value)) : [];
        expect(leaked, `${service.name} as ${caller.kind} ${JSON.stringify(caller)}`).toEqual([]);
      }
    }
    expect(fieldsWalked).toBeGreaterThanOrEqual(15);
  });

  it('refuses the second tenant every root query about the first, through the gateway', async () => {
    const asOther = { authorization: `Bearer ${otherKey}` };
    const account = await graphqlRequest(
      stack.gatewayUrl,
      `{ account(id: "${DEMO_ACCOUNT.id}") { id } }`,
      {},
      asOther,
    );
    expect(account.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const accounts = await graphqlRequest<{ accounts: { nodes: Array<{ id: string }> } }>(
      stack.gatewayUrl,
      '{ accounts { nodes { id } } }',
      {},
      asOther,
    );
    expect(accounts.data?.accounts.nodes.map((a) => a.id)).toEqual([otherAccountId]);
    // Even asked by the demo account's own email, the list holds only the caller's accounts.
    const byEmail = await graphqlRequest<{ accounts: { nodes: Array<{ id: string }> } }>(
      stack.gatewayUrl,
      'query($email: String!) { accounts(filter: { email: $email }) { nodes { id } } }',
      { email: DEMO_ACCOUNT.email },
      asOther,
    );
    expect(byEmail.data?.accounts.nodes).toEqual([]);
    const update = await graphqlRequest(
      stack.gatewayUrl,
      `mutation { updateAccount(id: "${DEMO_ACCOUNT.id}", input: { displayName: "Mine" }) { id } }`,
      {},
      asOther,
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const link = await graphqlRequest(
      stack.gatewayUrl,
      `mutation { createLoginLink(account: "${DEMO_ACCOUNT.id}") { url } }`,
      {},
      asOther,
    );
    expect(link.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const me = await graphqlRequest(stack.gatewayUrl, '{ me { id } }', {}, asOther);
    expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses calls to a subgraph that did not come through the gateway', async () => {
    for (const service of stack.services) {
      const unsigned = await graphqlRequest(service.url, `{ __typename }`);
      expect(unsigned.status, service.name).toBe(401);
      const forged = await graphqlRequest(
        service.url,
        `{ __typename }`,
        {},
        {
          'x-dash-caller': signCaller(
            demoAccount,
            keyRing('k1:a-guessed-secret-of-enough-length-32'),
            { audience: service.name },
          ),
        },
      );
      expect(forged.status, service.name).toBe(401);
    }
  });
});
