import { GraphQLSafeInt } from 'graphql-scalars';

/**
 * Money and counters: integers up to 2^53 − 1. GraphQL's Int stops at 2^31 − 1 (about
 * $21 million in cents), too small for a platform's balance.
 */
export const SafeInt = GraphQLSafeInt;
