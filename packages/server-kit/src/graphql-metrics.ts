import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { graphqlDuration, graphqlErrors, graphqlRequests, OperationLabels } from '@dash/telemetry';

const codeOf = (error: { extensions?: Record<string, unknown> }) =>
  typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';

/**
 * Counts each GraphQL operation a server answers, its errors by code and its latency, labelled by
 * operation name (bounded, see OperationLabels) and type. One per server, shared by the paths
 * that answer its operations (Apollo Server's, through `plugin`, and the plain one), so the
 * bound on labels holds for the server as a whole.
 */
export class GraphqlMetrics {
  constructor(
    private readonly part: string,
    private readonly labels = new OperationLabels(),
  ) {}

  /** One answered operation; one that never resolved to a name counts as UNKNOWN_OPERATION. */
  record(
    operationName: string | null | undefined,
    type: string,
    seconds: number,
    errors: readonly { extensions?: Record<string, unknown> }[],
  ): void {
    const series = { part: this.part, operation: this.labels.labelOf(operationName), type };
    graphqlRequests.inc(series);
    graphqlDuration.observe(series, seconds);
    for (const error of errors) graphqlErrors.inc({ ...series, code: codeOf(error) });
  }

  /** The same counts for the operations Apollo Server answers. */
  plugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
    return {
      contextCreationDidFail: async ({ error }) => {
        // Refused before any operation ran (a subgraph call that did not come through the gateway).
        const extensions = (error as { extensions?: Record<string, unknown> }).extensions;
        this.record(null, 'unknown', 0, [extensions ? { extensions } : {}]);
      },
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        let operation: string | null = null;
        let type = 'unknown';
        return {
          didResolveOperation: async ({ operationName, operation: definition }) => {
            operation = operationName;
            type = definition?.operation ?? type;
          },
          willSendResponse: async ({ response }) => {
            const errors: readonly GraphQLFormattedError[] =
              response.body.kind === 'single'
                ? (response.body.singleResult.errors ?? [])
                : (response.body.initialResult.errors ?? []);
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            this.record(operation, type, seconds, errors);
          },
        };
      },
    };
  }
}
