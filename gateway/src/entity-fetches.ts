import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { BusyBatches } from '@dash/batching';

/** A subgraph call as the gateway makes it: the operation and the headers it is sent with. */
export interface SubgraphCall {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
  headers: Record<string, string>;
}

type Send = (call: SubgraphCall) => Promise<GatewayGraphQLResponse>;

interface Waiting {
  call: SubgraphCall;
  representations: unknown[];
  resolve: (answer: GatewayGraphQLResponse) => void;
  reject: (error: unknown) => void;
}

/** The headers that say who is asking; calls merge only when every one of them is the same. */
const WHO_IS_ASKING = (headers: Record<string, string>) => {
  const { 'x-request-id': _requestId, ...rest } = headers;
  return rest;
};

/**
 * The representations of an entity fetch, when `call` is one: a query that opens with the root
 * field `_entities(representations: $representations)`, as the query planner writes them (its
 * fetches have no other root field; were there one, each caller of a merged call would get it).
 */
export function representationsOf(call: SubgraphCall): unknown[] | undefined {
  const representations = call.variables?.representations;
  if (!Array.isArray(representations)) return undefined;
  if (
    !/^query\b[^{]*\{\s*_entities\s*\(\s*representations\s*:\s*\$representations\s*\)/.test(
      call.query,
    )
  )
    return undefined;
  return representations;
}

/**
 * Merges the entity fetches that concurrent requests of one caller make of one subgraph into one
 * call: a platform asking for many accounts at once sends each subgraph one `_entities` request
 * for several of them, instead of one HTTP request, one GraphQL execution and one caller check per
 * account. Only calls with the same operation, the same other variables and the same caller
 * headers (signed caller, client address, user agent) merge, so no answer crosses callers.
 *
 * A call goes at once while fewer than `maxInFlight` merged calls of its kind are under way;
 * calls that arrive while they are wait and go together in the next, so nothing waits for
 * company when the gateway is quiet. The answer is split back: each caller gets its own slice of
 * `_entities`, and the errors whose path points into its slice, renumbered.
 *
 * A merged call carries one request id, its first request's, so the subgraph logs it under that
 * request (and traces it under the request that started sending); each request's own entries in
 * the gateway are unchanged.
 */
export class EntityFetchMerger {
  /** One queue per kind of fetch (same operation, other variables and caller), while in use. */
  private readonly lanes = new Map<string, BusyBatches<Waiting>>();

  constructor(
    private readonly send: Send,
    private readonly options: { maxInFlight: number; maxRepresentations: number },
  ) {}

  /** Answers an entity fetch (one `representationsOf` accepts), merged with others of its kind. */
  fetch(call: SubgraphCall): Promise<GatewayGraphQLResponse> {
    const { representations, ...others } = call.variables ?? {};
    const key = JSON.stringify([
      call.query,
      call.operationName ?? null,
      others,
      call.extensions ?? null,
      WHO_IS_ASKING(call.headers),
    ]);
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = new BusyBatches<Waiting>((batch) => this.sendTogether(batch), {
        maxBatch: this.options.maxRepresentations,
        maxInFlight: this.options.maxInFlight,
        sizeOf: (waiting) => waiting.representations.length,
        onIdle: () => this.lanes.delete(key),
      });
      this.lanes.set(key, lane);
    }
    const joined = lane;
    return new Promise((resolve, reject) =>
      joined.add({ call, representations: representations as unknown[], resolve, reject }),
    );
  }

  private async sendTogether(batch: Waiting[]): Promise<void> {
    const first = batch[0]!;
    if (batch.length === 1) {
      await this.send(first.call).then(first.resolve, first.reject);
      return;
    }
    const merged: SubgraphCall = {
      ...first.call,
      variables: {
        ...first.call.variables,
        representations: batch.flatMap((waiting) => waiting.representations),
      },
    };
    let answer: GatewayGraphQLResponse;
    try {
      answer = await this.send(merged);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    let offset = 0;
    for (const waiting of batch) {
      waiting.resolve(sliceOf(answer, offset, waiting.representations.length));
      offset += waiting.representations.length;
    }
  }
}

/** One caller's part of a merged answer: its entities, and the errors that concern it. */
function sliceOf(answer: GatewayGraphQLResponse, offset: number, count: number) {
  const entities = (answer.data as { _entities?: unknown } | null | undefined)?._entities;
  const data = Array.isArray(entities)
    ? { ...answer.data, _entities: entities.slice(offset, offset + count) }
    : answer.data;
  const errors = answer.errors?.flatMap((error) => {
    const path = error.path;
    // An error without a place in the entities (the whole call failed) concerns every caller.
    if (!path || path[0] !== '_entities' || typeof path[1] !== 'number') return [error];
    const index = path[1];
    if (index < offset || index >= offset + count) return [];
    return [{ ...error, path: ['_entities', index - offset, ...path.slice(2)] }];
  });
  return {
    ...answer,
    data,
    ...(errors ? { errors } : {}),
  } as GatewayGraphQLResponse;
}
