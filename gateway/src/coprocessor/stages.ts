import {
  CALLER_HEADER,
  CLIENT_IP_HEADER,
  USER_AGENT_HEADER,
  signCaller,
  type Caller,
} from '@dash/auth-context';
import type { SecretKeys } from '@dash/config';
import { DashError } from '@dash/errors';
import { SUBGRAPHS } from '@dash/manifest';
import { authenticate, bearerTokenOf } from '../authenticate.js';
import type { GatewayConfig } from '../config.js';
import type { IdentityCheck } from '../identity-check.js';
import { rateLimitedBody, type LimitedRequest } from '../request-limits.js';
import { sessionTokenOf } from '../session-cookie.js';
import { clientRequestOf, needsPreflight } from './client-request.js';
import {
  breakWith,
  CALLER_CONTEXT_KEY,
  echoOf,
  type CoprocessorRequest,
  type CoprocessorResponse,
  type RouterHeaders,
} from './protocol.js';
import { openDecision, sealDecision } from './sealed-context.js';

/** What the stages need: the gateway's own checks, built once per process. */
export interface StageDependencies {
  config: Pick<GatewayConfig, 'devAccount' | 'nodeEnv' | 'internalSecret'>;
  identity: IdentityCheck;
  overLimit: (request: LimitedRequest, operations?: number) => Promise<number | undefined>;
  clientIpOf: (request: ReturnType<typeof clientRequestOf>) => string;
}

const SUBGRAPH_NAMES = new Set<string>(SUBGRAPHS.map(({ name }) => name));

const MAX_REQUEST_ID_LENGTH = 200;

/**
 * How many operations a client request carries: a list (the Router's batching, which the
 * dashboard uses) counts each, as the gateway counts them; anything else is one. The Router
 * refuses a list over its `maximum_size` itself.
 */
function operationsIn(body: string | undefined): number {
  if (!body?.trimStart().startsWith('[')) return 1;
  try {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) ? Math.max(1, parsed.length) : 1;
  } catch {
    return 1;
  }
}

/**
 * RouterRequest: the gateway's edge, unchanged — CSRF prevention, the shared request limits
 * (each operation of a batch counted), then who is calling (API key or session, asked of
 * identity and cached under the credential epochs). Nobody → 401. Somebody → the decision,
 * sealed, in the Router's context.
 */
export async function onRouterRequest(
  request: CoprocessorRequest,
  routerAddress: string | undefined,
  deps: StageDependencies,
): Promise<CoprocessorResponse> {
  const client = clientRequestOf(request.headers, routerAddress);
  if (needsPreflight(client.headers))
    return breakWith(request, 400, {
      code: 'BAD_REQUEST',
      message:
        'Send GraphQL as application/json, or add an apollo-require-preflight header: this request could have come from another site.',
    });
  const clientIp = deps.clientIpOf(client);
  const retryAfter = await deps.overLimit(
    {
      clientIp,
      apiKey: bearerTokenOf(client),
      sessionToken: sessionTokenOf(client, deps.config.nodeEnv === 'production'),
    },
    operationsIn(request.body),
  );
  if (retryAfter !== undefined) {
    const [error] = rateLimitedBody(retryAfter).errors;
    return breakWith(
      request,
      429,
      { code: 'RATE_LIMITED', message: error!.message, extensions: error!.extensions },
      { 'retry-after': [String(retryAfter)] },
    );
  }
  let caller: Caller;
  try {
    caller = await authenticate(client, deps.config, deps.identity);
  } catch (error) {
    if (!(error instanceof DashError)) throw error;
    const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 401;
    return breakWith(request, status, {
      code: String(error.extensions.code),
      message: error.message,
    });
  }
  if (caller.kind === 'anonymous')
    return breakWith(request, 401, {
      code: 'UNAUTHENTICATED',
      message: 'Sign in, or send an API key (Authorization: Bearer sk_…).',
    });
  const forwardedId = client.headers['x-request-id'];
  const userAgent = client.headers['user-agent'];
  const sealed = sealDecision(
    {
      caller,
      requestId:
        typeof forwardedId === 'string' && forwardedId.length <= MAX_REQUEST_ID_LENGTH
          ? forwardedId
          : request.id,
      clientIp,
      ...(typeof userAgent === 'string' ? { userAgent: userAgent.slice(0, 256) } : {}),
    },
    request.id,
    deps.config.internalSecret,
  );
  return {
    ...echoOf(request),
    control: 'continue',
    context: {
      ...request.context,
      entries: { ...request.context.entries, [CALLER_CONTEXT_KEY]: sealed },
    },
  };
}

/**
 * Headers a subgraph must only ever get from us: whatever the client or the Router's header
 * rules put there is dropped, and so are the client's own credentials (subgraphs never read
 * them; the signed caller says who it is).
 */
const isOurs = (name: string) =>
  name.startsWith('x-dash-') || ['authorization', 'cookie', 'x-request-id'].includes(name);

/**
 * SubgraphRequest: the caller RouterRequest sealed for this request, signed for this subgraph
 * alone — exactly the headers the Node gateway sends, so a subgraph cannot tell the two apart.
 */
export function onSubgraphRequest(
  request: CoprocessorRequest,
  keys: SecretKeys,
): CoprocessorResponse {
  const subgraph = request.serviceName;
  if (!subgraph || !SUBGRAPH_NAMES.has(subgraph))
    return breakWith(request, 403, {
      code: 'FORBIDDEN',
      message: 'That is not a subgraph of this dashboard.',
    });
  const decided = openDecision(request.context.entries[CALLER_CONTEXT_KEY], request.id, keys);
  if (!decided)
    return breakWith(request, 401, {
      code: 'UNAUTHENTICATED',
      message: 'This request was not authenticated for this Router request.',
    });
  const headers: RouterHeaders = {};
  for (const [name, values] of Object.entries(request.headers))
    if (!isOurs(name.toLowerCase())) headers[name] = values;
  headers[CALLER_HEADER] = [signCaller(decided.caller, keys, { audience: subgraph })];
  headers['x-request-id'] = [decided.requestId];
  headers[CLIENT_IP_HEADER] = [decided.clientIp];
  if (decided.userAgent) headers[USER_AGENT_HEADER] = [decided.userAgent];
  return { ...echoOf(request), control: 'continue', headers };
}
