import { Client, fetchExchange, type AnyVariables } from '@urql/core';
import { batchingFetch } from './batching-fetch.js';
import { newTraceparent } from './traceparent.js';

/**
 * How long a query waits for others to share its request. The parts of a page mount as their
 * scripts arrive and ask once the session is read, so most of a page's queries fall within it.
 */
const BATCH_WINDOW_MS = 10;

/** A failed GraphQL call, with the server's stable error code (UNAUTHENTICATED, NOT_FOUND…). */
export class GraphqlRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
    /** Everything else the server said (e.g. `reason`, `attemptsLeft`), for screens to explain. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }
}

/**
 * A document typed by what it answers and what it takes, as a micro-frontend's `graphql()` returns
 * it after generation from the supergraph. At run time it is only the document's text.
 */
export interface TypedDocument<Data, Variables> {
  /** Carries the types; never set. */
  __apiType?: (variables: Variables) => Data;
  toString(): string;
}

/** Variables may be left out only when the document requires none. */
type VariablesArgument<Variables> =
  Record<string, never> extends Variables ? [variables?: Variables] : [variables: Variables];

export interface GraphqlClient {
  query<Data, Variables extends AnyVariables>(
    document: TypedDocument<Data, Variables>,
    ...variables: VariablesArgument<Variables>
  ): Promise<Data>;
  /** An untyped document, for a caller without generated documents: it names its own result. */
  query<Data, Variables extends AnyVariables = AnyVariables>(
    document: string,
    variables?: Variables,
  ): Promise<Data>;
}

/**
 * The client every micro-frontend uses: same-origin `/graphql` through the shell, cookies
 * included, no cache (each screen asks for what it shows), a `traceparent` on each call, and
 * the queries of a page asked together sent as one request (see batchingFetch). Errors become
 * GraphqlRequestError.
 */
export function createGraphqlClient({
  url = '/graphql',
  fetch: fetchFn,
  batchWindowMs = BATCH_WINDOW_MS,
}: { url?: string; fetch?: typeof fetch; batchWindowMs?: number } = {}): GraphqlClient {
  // Looked up at each call: a test (or an embedding page) may replace the global fetch later.
  const send: typeof fetch = (input, init) => (fetchFn ?? fetch)(input, init);
  const client = new Client({
    url,
    exchanges: [fetchExchange],
    // Asked per request, so each call starts a trace of its own.
    fetchOptions: () => ({ credentials: 'include', headers: { traceparent: newTraceparent() } }),
    requestPolicy: 'network-only',
    preferGetMethod: false,
    fetch: batchingFetch(send, { windowMs: batchWindowMs }),
  });
  return {
    async query(document: string | TypedDocument<unknown, AnyVariables>, variables?: AnyVariables) {
      const result = await client
        .query(document.toString(), (variables ?? {}) as never)
        .toPromise();
      if (result.error) {
        const first = result.error.graphQLErrors[0];
        if (first) {
          const code =
            typeof first.extensions?.code === 'string'
              ? first.extensions.code
              : 'INTERNAL_SERVER_ERROR';
          const field =
            typeof first.extensions?.field === 'string' ? first.extensions.field : undefined;
          throw new GraphqlRequestError(first.message, code, field, { ...first.extensions });
        }
        throw new GraphqlRequestError(
          result.error.networkError?.message ?? result.error.message,
          'NETWORK_ERROR',
        );
      }
      return result.data as never;
    },
  };
}

let shared: GraphqlClient | undefined;

/** The page-wide client, created on first use. */
export function graphqlClient(): GraphqlClient {
  shared ??= createGraphqlClient();
  return shared;
}

/** Replaces the page-wide client (embedded components call with a client secret instead). */
export function useGraphqlClient(client: GraphqlClient): void {
  shared = client;
}
