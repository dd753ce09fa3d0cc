import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/**
 * Bounds on what one request may ask, checked before any subgraph is called: the dashboard's
 * deepest query is 5 levels and uses no aliases, so these leave room for partners while refusing
 * queries built to exhaust the servers (deep nesting, alias fan-out, huge selections).
 */
export const QUERY_LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: 5_000 } as const;

// Report like any validation error (400 GRAPHQL_VALIDATION_FAILED) instead of throwing (a 500).
const report = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
};

export const queryLimitRules = [
  maxDepthRule({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, ...report }),
  maxAliasesRule({ n: QUERY_LIMITS.maxAliases, ...report }),
  costLimitRule({ maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, ...report }),
] as unknown as ValidationRule[];
