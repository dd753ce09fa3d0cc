import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GatewayConfig } from './config.js';

/**
 * What a browser gets from GET /graphql. Outside production: Apollo Sandbox embedded in the page,
 * to read the schema's descriptions and run operations with the page's own cookies (a signed-in
 * dashboard session) or an `Authorization` header. Its script comes from Apollo's CDN, so the
 * browser needs the internet; offline, any GraphQL client works against /graphql, which answers
 * introspection outside production. In production: no landing page at all (and no introspection).
 */
export function landingPagePlugin<Context extends BaseContext>(
  nodeEnv: GatewayConfig['nodeEnv'],
): ApolloServerPlugin<Context> {
  return nodeEnv === 'production'
    ? ApolloServerPluginLandingPageDisabled()
    : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true });
}
