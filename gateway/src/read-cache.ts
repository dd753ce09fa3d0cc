import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContextWillSendResponse,
  type GraphQLResponse,
} from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Logger } from '@dash/logger';
import type { ReadVersions, ResponseCache } from '@dash/read-cache';
import { readCacheRequests } from '@dash/telemetry';
import { cacheableRead } from './cacheable-read.js';
import type { GatewayContext } from './context.js';

/** What is kept of an answer: its data (an answer with errors is never kept). */
export type CachedAnswer = Pick<FormattedExecutionResult, 'data'>;

/** One computation other identical requests are waiting for; it ends with the answer or nothing. */
interface Flight {
  end(answer: CachedAnswer | undefined): void;
}

/**
 * Answers dashboard reads from the shared cache (see cacheableRead for which), and keeps fresh
 * answers there. Identical misses in flight on this replica — same key and same versions — share
 * one execution; a request that read newer versions never joins an older computation, so a read
 * sent after a change has been committed always sees it.
 *
 * Entries also expire after a TTL: balances count what is available at read time and earnings
 * windows move with the clock, so time alone changes some answers.
 *
 * After any mutation by a signed-in account, the gateway bumps that account's version itself, so
 * a change a service forgot to mark still shows on the account's next read.
 */
export function readCachePlugin(
  cache: ResponseCache<CachedAnswer>,
  versions: ReadVersions,
  log: Logger,
): ApolloServerPlugin<GatewayContext> {
  const inFlight = new Map<string, Promise<CachedAnswer | undefined>>();
  const warn = (message: string) => (error: unknown) => log.warn({ err: error }, message);

  const join = (key: string): Flight => {
    let resolve!: (answer: CachedAnswer | undefined) => void;
    const shared = new Promise<CachedAnswer | undefined>((settle) => (resolve = settle));
    inFlight.set(key, shared);
    return {
      end(answer) {
        // Ends once (errors, then the response): a later computation of the key stays listed.
        if (inFlight.get(key) === shared) inFlight.delete(key);
        resolve(answer);
      },
    };
  };

  return {
    async requestDidStart() {
      let flight: Flight | undefined;
      let stored: { hash: string; versions: string } | undefined;
      return {
        async responseForOperation({ contextValue, operation, source, request }) {
          const read = cacheableRead(contextValue.caller, {
            operation,
            source,
            operationName: request.operationName ?? null,
            variables: request.variables ?? null,
          });
          if (!read) {
            readCacheRequests.inc({ result: 'bypass' });
            return null;
          }
          let lookup;
          try {
            lookup = await cache.lookup(read.hash, read.scopes);
          } catch (error) {
            // Without Redis the request is answered as if there were no cache.
            warn('read cache unavailable')(error);
            readCacheRequests.inc({ result: 'bypass' });
            return null;
          }
          if (lookup.body) {
            readCacheRequests.inc({ result: 'hit' });
            return answer(lookup.body);
          }
          const key = `${read.hash}:${lookup.versions}`;
          const pending = inFlight.get(key);
          const shared = pending && (await pending);
          if (shared) {
            readCacheRequests.inc({ result: 'hit' });
            return answer(shared);
          }
          readCacheRequests.inc({ result: 'miss' });
          // After a failed shared computation each waiter computes its own: none is kept waiting.
          if (!pending) flight = join(key);
          stored = { hash: read.hash, versions: lookup.versions };
          return null;
        },

        async didEncounterErrors() {
          flight?.end(undefined);
        },

        async willSendResponse(requestContext) {
          const { contextValue, operation } = requestContext;
          if (operation?.operation === 'mutation' && contextValue.caller.kind === 'account')
            await versions
              .bump([{ accountId: contextValue.caller.accountId }])
              .catch(warn('read version not bumped after a mutation'));
          if (!stored) return;
          const kept = keepable(requestContext);
          flight?.end(kept);
          // Not awaited: the answer need not wait for Redis, and an entry stored late is only a
          // miss for a request that came in between.
          if (kept)
            void cache.store(stored.hash, stored.versions, kept).catch(warn('answer not cached'));
        },
      };
    },
  };
}

const answer = (body: CachedAnswer): GraphQLResponse => ({
  http: { status: undefined, headers: new HeaderMap() },
  body: { kind: 'single', singleResult: body },
});

/** The answer to keep, if it has no errors and sets no session cookie. */
function keepable({
  response,
  contextValue,
}: GraphQLRequestContextWillSendResponse<GatewayContext>): CachedAnswer | undefined {
  if (response.body.kind !== 'single') return undefined;
  const { data, errors } = response.body.singleResult;
  if (errors?.length || !data) return undefined;
  if (response.http.status !== undefined && response.http.status !== 200) return undefined;
  if (contextValue.response.hasHeader('set-cookie')) return undefined;
  return { data };
}
