import { host, httpUrl, loadConfig, nodeEnv, port } from '@dash/config';
import type { ShellServerOptions } from './server.js';

export function loadShellConfig(
  env: Record<string, string | undefined> = process.env,
): ShellServerOptions {
  const raw = loadConfig(
    {
      NODE_ENV: nodeEnv(),
      DASH_SHELL_HOST: host(),
      DASH_SHELL_PORT: port(9000),
      DASH_GATEWAY_URL: httpUrl('http://127.0.0.1:4000/graphql'),
    },
    env,
  );
  return {
    host: raw.DASH_SHELL_HOST,
    port: raw.DASH_SHELL_PORT,
    gatewayUrl: raw.DASH_GATEWAY_URL,
    // Production is served over https (behind a TLS-terminating load balancer at least).
    https: raw.NODE_ENV === 'production',
    // `npm start` beside `npm run dev`: a micro-frontend rebuilt is served without a restart.
    watchBuilds: raw.NODE_ENV === 'development',
  };
}
