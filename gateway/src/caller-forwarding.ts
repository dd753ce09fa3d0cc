import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADER, signCaller } from '@dash/auth-context';
import type { GatewayContext } from './context.js';

/**
 * Every request to a subgraph carries the caller, signed with the shared internal secret, and
 * the request id for tracing. Subgraphs refuse requests without a valid signature.
 */
export class CallerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Apollo also calls this for its own health checks, where there is no request context.
    if (!('caller' in context) || !context.caller) return;
    request.http?.headers.set(CALLER_HEADER, signCaller(context.caller, this.secret));
    request.http?.headers.set('x-request-id', context.requestId);
  }
}
