import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';

/**
 * The argument (and input field inside it) a value node belongs to — `filter.types` for the
 * enum in `balanceTransactions(filter: { types: [bogus] })` — or undefined when the node is not
 * part of an argument's literal value.
 */
export function argumentPathOf(document: DocumentNode, target: ASTNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (found !== undefined) return false;
      if (node !== target) return undefined;
      // `ancestors` stops short of the node's own parent.
      const chain = [...ancestors, parent, node].filter(
        (ancestor): ancestor is ASTNode =>
          !!ancestor && !Array.isArray(ancestor) && 'kind' in (ancestor as object),
      );
      const argumentAt = chain.findIndex((ancestor) => ancestor.kind === Kind.ARGUMENT);
      if (argumentAt >= 0)
        found = chain
          .slice(argumentAt)
          .filter(
            (ancestor) => ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD,
          )
          .map((ancestor) => (ancestor as { name: { value: string } }).name.value)
          .join('.');
      return false;
    },
  });
  return found;
}

/**
 * A value written into the query that its argument cannot take (`first: 1.5`, an enum value that
 * does not exist, an amount beyond 2^53) is the caller's input error, like the same value passed
 * as a variable: BAD_USER_INPUT naming the argument, not a generic validation failure. Apollo
 * wraps each validation error with GRAPHQL_VALIDATION_FAILED and keeps the original, which
 * formatErrorFor (@dash/errors) reads back.
 */
export function inputErrorsPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          return async (errors) => {
            if (!errors) return;
            // Apollo answers with this very list once its plugins have seen it.
            const list = errors as GraphQLError[];
            list.forEach((error, index) => {
              const node = error.nodes?.[0];
              if (!node || node.kind === Kind.VARIABLE) return;
              const field = argumentPathOf(document, node);
              if (field)
                list[index] = new GraphQLError(error.message, {
                  nodes: error.nodes,
                  extensions: { code: 'BAD_USER_INPUT', field },
                });
            });
          };
        },
      };
    },
  };
}
