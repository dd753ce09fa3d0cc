import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { LRUCache } from 'lru-cache';
import {
  CALLER_HEADER,
  CLIENT_IP_HEADER,
  SESSION_HEADER,
  USER_AGENT_HEADER,
  parseSessionHeader,
  signCaller,
  type Caller,
} from '@dash/auth-context';
import { GraphQLError } from 'graphql';
import { DashError } from '@dash/errors';
import type { SecretKeys } from '@dash/config';
import type { GatewayContext } from './context.js';
import type { IdentityCheck } from './identity-check.js';
import { applySessionHeader } from './session-cookie.js';

/** The first typed error in the body of a subgraph's non-2xx answer, if it sent one. */
function subgraphRefusalOf(error: Error): GraphQLError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const body = (error.extensions.response as { body?: unknown } | undefined)?.body;
  const first = (body as { errors?: unknown[] } | undefined)?.errors?.[0] as
    { message?: unknown; extensions?: Record<string, unknown> } | undefined;
  const code = first?.extensions?.code;
  if (typeof first?.message !== 'string' || typeof code !== 'string') return undefined;
  return new GraphQLError(first.message, { extensions: first.extensions! });
}

/**
 * The caller headers one subgraph is sent, each signed at most once a second: a header carries
 * its issue time in whole seconds, so within a second it would be the same bytes again, and a
 * busy client's requests skip the HMAC.
 */
export class CallerHeaders {
  private readonly signed = new LRUCache<string, { second: number; header: string }>({
    max: 10_000,
  });

  constructor(
    private readonly secret: SecretKeys,
    private readonly audience: string,
  ) {}

  headerFor(caller: Caller, now = Date.now()): string {
    const key = JSON.stringify(caller);
    const second = Math.floor(now / 1000);
    const remembered = this.signed.get(key);
    if (remembered?.second === second) return remembered.header;
    const header = signCaller(caller, this.secret, { audience: this.audience, now });
    this.signed.set(key, { second, header });
    return header;
  }
}

type ResponseContext = Parameters<
  NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>
>[0];

/**
 * Every request to a subgraph carries the caller, signed with the caller-signing key for that
 * subgraph alone (its name is the header's audience, so a header captured on its way to one
 * subgraph is refused by every other), and the request id (the W3C traceparent is added by the tracing's fetch instrumentation, see
 * @dash/telemetry). Subgraphs refuse requests without a valid signature. On the way
 * back, a session handed over by identity becomes the browser's cookie.
 */
export class CallerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly callerHeaders: CallerHeaders;

  constructor(
    url: string,
    /** The subgraph this source calls: the audience of every header it signs. */
    subgraph: string,
    secret: SecretKeys,
    private readonly secureCookies: boolean,
    private readonly identity: IdentityCheck,
    timeoutMs: number,
  ) {
    // Node's own fetch (undici): pooled keep-alive connections and less work per call than
    // the default fetcher, which matters on every subgraph hop of every request. Each call has
    // a deadline, so a subgraph that never answers costs a request that long, not forever.
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        globalThis.fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
    });
    this.callerHeaders = new CallerHeaders(secret, subgraph);
  }

  /**
   * A subgraph that did not answer in time, or could not be reached, is a typed UNAVAILABLE
   * (try again) — never a hang, and never the connection details. A subgraph that refused the
   * request itself (HTTP 400: a variable of the wrong type) answered a typed error: that one is
   * passed on, where Apollo would report only "400: Bad Request" as an internal error.
   */
  override didEncounterError(error: Error): never {
    const refusal = subgraphRefusalOf(error);
    if (refusal) throw refusal;
    if (error.name === 'TimeoutError' || error.name === 'AbortError')
      throw new DashError(
        'UNAVAILABLE',
        'A part of the dashboard did not answer in time. Try again.',
      );
    if (error instanceof TypeError && error.message === 'fetch failed')
      throw new DashError('UNAVAILABLE', 'A part of the dashboard is not reachable. Try again.');
    throw error;
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Apollo also calls this for its own health checks, where there is no request context.
    if (!('caller' in context) || !context.caller) return;
    request.http?.headers.set(CALLER_HEADER, this.callerHeaders.headerFor(context.caller));
    request.http?.headers.set('x-request-id', context.requestId);
    // Set here, never passed through from the client, so subgraphs can rate-limit by it.
    request.http?.headers.set(CLIENT_IP_HEADER, context.clientIp);
    if (context.userAgent) request.http?.headers.set(USER_AGENT_HEADER, context.userAgent);
  }

  override didReceiveResponse(requestContext: ResponseContext) {
    const { response, context } = requestContext;
    const session = response.http?.headers.get(SESSION_HEADER);
    if (session && 'response' in context && context.response) {
      applySessionHeader(session, context.response, this.secureCookies);
      if (parseSessionHeader(session).action === 'clear' && context.sessionToken)
        this.identity.forget({ sessionToken: context.sessionToken });
    }
    return response;
  }
}
