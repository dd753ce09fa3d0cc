import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  BREAK,
  getNullableType,
  GraphQLError,
  isListType,
  Kind,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';

// Its ES build imports graphql's .mjs files, a second copy of graphql beside the CommonJS one
// everything else here loads (and graphql refuses types from another copy): take its CommonJS
// build, which shares ours.
const { getComplexity } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof import('graphql-query-complexity');

/**
 * Bounds on what one request may ask, checked before any subgraph is called: the dashboard's
 * deepest query is 5 levels and uses no aliases, so these leave room for partners while refusing
 * queries built to exhaust the servers (deep nesting, alias fan-out, huge pages of huge pages).
 */
export const QUERY_LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: 5_000 } as const;

/** What a list without a `first` argument is assumed to hold (an account's balances, …). */
const UNPAGED_LIST_SIZE = 10;

/** A page's own list: the page's `first` already counted its items. */
const PAGE_LISTS = new Set(['nodes', 'edges']);

/**
 * Every field costs 1 (`__typename` and its aliases too); a field with `first` costs its
 * selection `first` times over — the value as the request gives it, whether written out, passed
 * as a variable or left to the argument's default — and any other list costs its selection
 * UNPAGED_LIST_SIZE times.
 */
const listAwareCost: ComplexityEstimator = ({ args, field, childComplexity }) => {
  const first = args.first;
  const unpagedList = isListType(getNullableType(field.type)) && !PAGE_LISTS.has(field.name);
  const size = typeof first === 'number' ? Math.max(first, 0) : unpagedList ? UNPAGED_LIST_SIZE : 1;
  return 1 + childComplexity * size;
};

/** The cost of the operation a request runs, with its variables. */
export function costOf(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [listAwareCost],
  });
}

/**
 * Can a variable change what the operations of `document` cost? Only as a page size (`first`) or
 * in a directive (`@include(if: $x)` decides whether a selection runs). An operation whose
 * variables only carry input — a charge, an id — costs the same for every request.
 */
export function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = false;
  const holdsVariable = (argument: ArgumentNode) => {
    let found = false;
    visit(argument.value, {
      Variable() {
        found = true;
        return BREAK;
      },
    });
    return found;
  };
  visit(document, {
    Argument(argument) {
      if (argument.name.value === 'first' && holdsVariable(argument)) {
        depends = true;
        return BREAK;
      }
      return undefined;
    },
    Directive(directive) {
      if (directive.arguments?.some(holdsVariable)) {
        depends = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return depends;
}

/**
 * What is known of each parsed document, per schema (a new supergraph prices anew): whether its
 * variables can change its cost and, if not, each operation's cost. Parsed documents are reused
 * for the same query text, so a client sending the same mutation again and again has it priced
 * once.
 */
type Pricing = { dependsOnVariables: boolean; costs: Map<string, number> };
const pricings = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Pricing>>();

/** costOf, remembered for the documents whose cost does not depend on their variables. */
export function operationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  let documents = pricings.get(schema);
  if (!documents) pricings.set(schema, (documents = new WeakMap()));
  let pricing = documents.get(query);
  if (!pricing) {
    pricing = { dependsOnVariables: costDependsOnVariables(query), costs: new Map() };
    documents.set(query, pricing);
  }
  if (pricing.dependsOnVariables) return costOf(schema, query, variables, operationName);
  let cost = pricing.costs.get(operationName ?? '');
  if (cost === undefined) {
    cost = costOf(schema, query, variables, operationName);
    pricing.costs.set(operationName ?? '', cost);
  }
  return cost;
}

const tooCostly = (cost: number) =>
  new GraphQLError(
    `This query costs ${cost}, more than the ${QUERY_LIMITS.maxCost} one request may. Ask for smaller pages or fewer fields.`,
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
  );

const isIntrospection = (operation: OperationDefinitionNode) =>
  operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === Kind.FIELD &&
      (selection.name.value === '__schema' || selection.name.value === '__type'),
  );

/**
 * The cost limit runs once the operation and its variables are known (validation rules never
 * see variables, so `first: $n` would pass as cheap there).
 */
export function queryCostPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, operationName }) {
          // Introspection (served only outside production) is the schema's size, not an attack.
          if (!operation || isIntrospection(operation)) return;
          let cost: number;
          try {
            cost = operationCost(
              schema,
              document,
              request.variables ?? {},
              operationName ?? undefined,
            );
          } catch {
            // Variables that do not fit their types: execution refuses them, naming the field.
            return;
          }
          if (cost > QUERY_LIMITS.maxCost) throw tooCostly(cost);
        },
      };
    },
  };
}

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
] as unknown as ValidationRule[];
