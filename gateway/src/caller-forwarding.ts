import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { LRUCache } from 'lru-cache';
import { Pool, errors as undiciErrors } from 'undici';
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
import { EntityFetchMerger, representationsOf, type SubgraphCall } from './entity-fetches.js';

/** The first typed error in the body of a subgraph's non-2xx answer, if it sent one. */
function subgraphRefusalOf(body: unknown): GraphQLError | undefined {
  const first = (body as { errors?: unknown[] } | undefined)?.errors?.[0] as
    { message?: unknown; extensions?: Record<string, unknown> } | undefined;
  const code = first?.extensions?.code;
  if (typeof first?.message !== 'string' || typeof code !== 'string') return undefined;
  return new GraphQLError(first.message, { extensions: first.extensions! });
}

const notInTime = () =>
  new DashError('UNAVAILABLE', 'A part of the dashboard did not answer in time. Try again.');
const notReachable = () =>
  new DashError('UNAVAILABLE', 'A part of the dashboard is not reachable. Try again.');

/** A failed call as the client may see it: a typed UNAVAILABLE, never connection details. */
function unavailable(error: unknown): DashError {
  return error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError
    ? notInTime()
    : notReachable();
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

/**
 * Calls one subgraph for the gateway. Every request carries the caller, signed with the
 * caller-signing key for that subgraph alone (its name is the header's audience, so a header
 * captured on its way to one subgraph is refused by every other), and the request id (the W3C
 * traceparent is added by the tracing's undici instrumentation, see @dash/telemetry). Subgraphs
 * refuse requests without a valid signature. On the way back, a session handed over by identity
 * becomes the browser's cookie.
 *
 * It speaks HTTP through one keep-alive undici pool per subgraph rather than through fetch: this
 * runs for every subgraph hop of every request, and the fetch machinery (request and response
 * objects, web streams, a timer signal per call) was a sixth of the gateway's CPU.
 */
export class CallerForwardingDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly callerHeaders: CallerHeaders;
  private readonly pool: Pool;
  private readonly path: string;
  private readonly entityFetches: EntityFetchMerger;

  constructor(
    url: string,
    /** The subgraph this source calls: the audience of every header it signs. */
    subgraph: string,
    secret: SecretKeys,
    private readonly secureCookies: boolean,
    private readonly identity: IdentityCheck,
    /** How long a subgraph may take to start answering, and then between parts of its answer. */
    private readonly timeoutMs: number,
  ) {
    const address = new URL(url);
    this.pool = new Pool(address.origin, { connections: 128, keepAliveTimeout: 30_000 });
    this.path = address.pathname + address.search;
    this.callerHeaders = new CallerHeaders(secret, subgraph);
    // An entity fetch hands no session over (only sign-in and sign-out do), so a merged
    // call's answer is only data and errors. Two calls of a kind in flight, not four: measured
    // side by side (bench README), a busy platform's reads then merge into fewer, larger calls
    // (a third fewer SQL statements a query) for the same latency at the pace Home is held to.
    this.entityFetches = new EntityFetchMerger(async (call) => (await this.call(call)).answer, {
      maxInFlight: 2,
      maxRepresentations: 100,
    });
  }

  async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    // Apollo also calls this for its own health checks, where there is no request context.
    const context = options.context as Partial<GatewayContext>;
    if (context.caller) {
      headers[CALLER_HEADER] = this.callerHeaders.headerFor(context.caller);
      headers['x-request-id'] = context.requestId!;
      // Set here, never passed through from the client, so subgraphs can rate-limit by it.
      headers[CLIENT_IP_HEADER] = context.clientIp!;
      if (context.userAgent) headers[USER_AGENT_HEADER] = context.userAgent;
    }
    const { query, variables, operationName, extensions } = options.request;
    const call: SubgraphCall = { query: query!, variables, operationName, extensions, headers };
    if (context.caller && representationsOf(call)) return this.entityFetches.fetch(call);
    const { answer, session } = await this.call(call);
    if (session && context.response) this.handOver(session, context as GatewayContext);
    return answer;
  }

  /** One HTTP request to the subgraph: its GraphQL answer, and a session it handed over. */
  private async call(
    call: SubgraphCall,
  ): Promise<{ answer: GatewayGraphQLResponse; session: string | undefined }> {
    let status: number;
    let answer: unknown;
    let session: string | undefined;
    try {
      const response = await this.pool.request({
        path: this.path,
        method: 'POST',
        headers: call.headers,
        body: JSON.stringify({
          query: call.query,
          variables: call.variables,
          operationName: call.operationName,
          extensions: call.extensions,
        }),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      status = response.statusCode;
      const sessionHeader = response.headers[SESSION_HEADER];
      session = Array.isArray(sessionHeader) ? sessionHeader[0] : sessionHeader;
      answer = await response.body.json();
    } catch (error) {
      // Refused, reset, timed out or cut off mid-answer: a typed answer, never a hung request.
      throw unavailable(error);
    }
    if (status < 200 || status > 299) {
      // A subgraph that refused the request itself (HTTP 400: a variable of the wrong type)
      // answered a typed error: that one is passed on.
      throw (
        subgraphRefusalOf(answer) ?? new GraphQLError(`${status}: subgraph refused the request`)
      );
    }
    if (typeof answer !== 'object' || answer === null)
      throw new GraphQLError('The subgraph answered something other than a GraphQL result.');
    return { answer: answer as GatewayGraphQLResponse, session };
  }

  /** A session identity handed over becomes the browser's cookie (or clears it). */
  private handOver(session: string, context: GatewayContext): void {
    applySessionHeader(session, context.response, this.secureCookies);
    if (parseSessionHeader(session).action === 'clear' && context.sessionToken)
      this.identity.forget({ sessionToken: context.sessionToken });
  }

  /** Closes the pooled connections (the gateway is stopping). */
  async close(): Promise<void> {
    await this.pool.close();
  }
}
