import { createHash } from 'node:crypto';
import { Kind, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { Caller } from '@dash/auth-context';
import type { ReadScope } from '@dash/read-cache';

/** A query whose answer may be cached: the key it is kept under and the versions that guard it. */
export interface CacheableRead {
  /** Names the caller (down to its session or key and its mode) and the whole request. */
  hash: string;
  /** Whose changes make the answer stale: the account it reads and that account's platform. */
  scopes: ReadScope[];
}

export interface ReadRequest {
  operation: OperationDefinitionNode;
  source: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * Which requests the read cache may answer. Only queries, and only where all the data is one
 * account's and its platform's: anything an `account` caller asks (it sees only itself), and a
 * `platform` caller's query whose root fields are all `account(id)` of one id (the subgraphs refuse
 * an account of another platform, and refusals are never cached). The key includes who asks, so
 * no answer is ever shared across callers, sessions, keys or modes.
 */
export function cacheableRead(caller: Caller, request: ReadRequest): CacheableRead | undefined {
  if (request.operation.operation !== 'query') return undefined;
  if (caller.kind === 'account')
    return {
      hash: hashOf(
        ['account', caller.platformId, caller.accountId, caller.livemode, caller.sessionId ?? null],
        request,
      ),
      scopes: [{ accountId: caller.accountId }, { platformId: caller.platformId }],
    };
  if (caller.kind === 'platform') {
    const accountId = onlyAccountAsked(request);
    if (accountId === undefined) return undefined;
    return {
      hash: hashOf(['platform', caller.platformId, caller.keyId, caller.livemode], request),
      scopes: [{ accountId }, { platformId: caller.platformId }],
    };
  }
  return undefined;
}

/** The one account id every root field asks for, when the root fields are only `account(id)`. */
function onlyAccountAsked({ operation, variables }: ReadRequest): string | undefined {
  let accountId: string | undefined;
  for (const selection of operation.selectionSet.selections) {
    // A fragment at the root could hide any field: not worth reading through.
    if (selection.kind !== Kind.FIELD) return undefined;
    if (selection.name.value === '__typename') continue;
    if (selection.name.value !== 'account') return undefined;
    const idArgument = selection.arguments?.find((argument) => argument.name.value === 'id');
    const id = idArgument && stringValue(idArgument.value, variables ?? {});
    if (id === undefined || (accountId !== undefined && id !== accountId)) return undefined;
    accountId = id;
  }
  return accountId;
}

function stringValue(value: ValueNode, variables: Record<string, unknown>): string | undefined {
  if (value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'string' ? given : undefined;
  }
  return undefined;
}

function hashOf(who: unknown[], request: ReadRequest): string {
  return createHash('sha256')
    .update(
      JSON.stringify([who, request.source, request.operationName ?? null, request.variables ?? {}]),
    )
    .digest('base64url');
}
