import { createGraphqlClient, useGraphqlClient } from './graphql.js';

export interface EmbeddedConnection {
  /** The dashboard's GraphQL endpoint, on its own origin (`https://dashboard.example/graphql`). */
  graphqlUrl: string;
  /**
   * Asks the platform's server for a new account session and returns its client secret: at the
   * start, and again whenever the gateway says the one in use has run out.
   */
  fetchClientSecret: () => Promise<string>;
}

let embedded = false;

/**
 * Whether the micro-frontends run inside a platform's page as embedded components: the address
 * bar is the platform's (lists and details stay in the page), and the dashboard's own pages are
 * elsewhere.
 */
export const isEmbedded = (): boolean => embedded;

const secretOf = async (fetchClientSecret: () => Promise<string>): Promise<string> => {
  const secret = await fetchClientSecret();
  if (typeof secret !== 'string' || !secret.startsWith('acss_'))
    throw new TypeError('fetchClientSecret must return the clientSecret of an account session.');
  return secret;
};

/**
 * Makes every GraphQL call of the page carry an account session's client secret instead of the
 * dashboard's cookie (no cookie is sent at all). A call the gateway refuses as unauthenticated is
 * tried once more with a new secret; calls that fail together ask for one new secret, not one each.
 */
export function connectEmbedded({ graphqlUrl, fetchClientSecret }: EmbeddedConnection): void {
  embedded = true;
  let current: Promise<string> | undefined;
  const secret = () => (current ??= secretOf(fetchClientSecret));
  const send = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const used = secret();
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${await used}`);
    return { used, response: await fetch(input, { ...init, headers, credentials: 'omit' }) };
  };
  const fetchWithSecret: typeof fetch = async (input, init) => {
    const first = await send(input, init);
    if (first.response.status !== 401) return first.response;
    // Only the first of the calls refused with this secret forgets it.
    if (current === first.used) current = undefined;
    return (await send(input, init)).response;
  };
  useGraphqlClient(createGraphqlClient({ url: graphqlUrl, fetch: fetchWithSecret }));
}
