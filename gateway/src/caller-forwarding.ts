import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  CALLER_HEADER,
  CLIENT_IP_HEADER,
  SESSION_HEADER,
  parseSessionHeader,
  signCaller,
} from '@dash/auth-context';
import type { SecretKeys } from '@dash/config';
import type { GatewayContext } from './context.js';
import type { IdentityCheck } from './identity-check.js';
import { applySessionHeader } from './session-cookie.js';

type ResponseContext = Parameters<
  NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>
>[0];

/**
 * Every request to a subgraph carries the caller, signed with the caller-signing key for that
 * subgraph alone (its name is the header's audience, so a header captured on its way to one
 * subgraph is refused by every other), and the request id for tracing. Subgraphs refuse requests without a valid signature. On the way
 * back, a session handed over by identity becomes the browser's cookie.
 */
export class CallerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    /** The subgraph this source calls: the audience of every header it signs. */
    private readonly subgraph: string,
    private readonly secret: SecretKeys,
    private readonly secureCookies: boolean,
    private readonly identity: IdentityCheck,
  ) {
    // Node's own fetch (undici): pooled keep-alive connections and less work per call than
    // the default fetcher, which matters on every subgraph hop of every request.
    super({ url, fetcher: globalThis.fetch as never });
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Apollo also calls this for its own health checks, where there is no request context.
    if (!('caller' in context) || !context.caller) return;
    request.http?.headers.set(
      CALLER_HEADER,
      signCaller(context.caller, this.secret, { audience: this.subgraph }),
    );
    request.http?.headers.set('x-request-id', context.requestId);
    // Set here, never passed through from the client, so subgraphs can rate-limit by it.
    request.http?.headers.set(CLIENT_IP_HEADER, context.clientIp);
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
