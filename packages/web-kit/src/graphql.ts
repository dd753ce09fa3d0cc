import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';

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

export interface GraphqlClient {
  query<Data, Variables extends AnyVariables = AnyVariables>(
    document: string | TypedDocumentNode<Data, Variables>,
    variables?: Variables,
  ): Promise<Data>;
}

/**
 * The client every micro-frontend uses: same-origin `/graphql` through the shell, cookies
 * included, no cache (each screen asks for what it shows). Errors become GraphqlRequestError.
 */
export function createGraphqlClient({
  url = '/graphql',
  fetch: fetchFn,
}: { url?: string; fetch?: typeof fetch } = {}): GraphqlClient {
  const client = new Client({
    url,
    exchanges: [fetchExchange],
    fetchOptions: { credentials: 'include' },
    requestPolicy: 'network-only',
    preferGetMethod: false,
    ...(fetchFn ? { fetch: fetchFn } : {}),
  });
  return {
    async query(document, variables) {
      const result = await client.query(document, (variables ?? {}) as never).toPromise();
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
