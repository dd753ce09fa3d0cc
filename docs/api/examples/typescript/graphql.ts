/**
 * Calls the Express Dashboard's GraphQL API with plain fetch, as a platform's server does:
 * the gateway's URL and the platform's secret key come from the environment.
 *
 *   DASH_API_URL  http://127.0.0.1:4000/graphql (the default)
 *   DASH_API_KEY  sk_test_… (npm start prints the demo platform's test key)
 */

/** An error the API answered, with the fields to program against (see docs/api/errors.md). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly reason: string | undefined,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const key = process.env.DASH_API_KEY;
  if (!key) throw new Error('Set DASH_API_KEY to your secret key (sk_test_…).');
  const response = await fetch(process.env.DASH_API_URL ?? 'http://127.0.0.1:4000/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphqlAnswer<T>;
  const [error] = answer.errors ?? [];
  if (error) {
    const extensions = error.extensions ?? {};
    throw new ApiError(
      error.message,
      typeof extensions.code === 'string' ? extensions.code : undefined,
      typeof extensions.reason === 'string' ? extensions.reason : undefined,
      extensions,
    );
  }
  if (!answer.data) throw new Error(`HTTP ${response.status} without data`);
  return answer.data;
}
