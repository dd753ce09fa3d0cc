import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import {
  graphqlDuration,
  graphqlErrors,
  graphqlRequests,
  OperationLabels,
  UNKNOWN_OPERATION,
} from '@dash/telemetry';

const codeOf = (error: { extensions?: Record<string, unknown> }) =>
  typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';

/**
 * Counts each GraphQL operation a server answers, its errors by code and its latency, labelled by
 * operation name (bounded, see OperationLabels) and type. An operation that never resolved (it
 * did not parse, or named nothing) counts as UNKNOWN_OPERATION.
 */
export function graphqlMetricsPlugin<Context extends BaseContext>(
  part: string,
  labels = new OperationLabels(),
): ApolloServerPlugin<Context> {
  const record = (
    operation: string,
    type: string,
    seconds: number,
    errors: readonly { extensions?: Record<string, unknown> }[],
  ) => {
    const series = { part, operation, type };
    graphqlRequests.inc(series);
    graphqlDuration.observe(series, seconds);
    for (const error of errors) graphqlErrors.inc({ ...series, code: codeOf(error) });
  };
  return {
    async contextCreationDidFail({ error }) {
      // Refused before any operation ran (a subgraph call that did not come through the gateway).
      const extensions = (error as { extensions?: Record<string, unknown> }).extensions;
      record(UNKNOWN_OPERATION, 'unknown', 0, [extensions ? { extensions } : {}]);
    },
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let operation = UNKNOWN_OPERATION;
      let type = 'unknown';
      return {
        async didResolveOperation({ operationName, operation: definition }) {
          operation = labels.labelOf(operationName);
          type = definition?.operation ?? type;
        },
        async willSendResponse({ response }) {
          const errors: readonly GraphQLFormattedError[] =
            response.body.kind === 'single'
              ? (response.body.singleResult.errors ?? [])
              : (response.body.initialResult.errors ?? []);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          record(operation, type, seconds, errors);
        },
      };
    },
  };
}
