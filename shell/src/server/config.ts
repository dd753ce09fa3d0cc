import { host, httpUrl, loadConfig, port } from '@dash/config';
import type { ShellServerOptions } from './server.js';

export function loadShellConfig(
  env: Record<string, string | undefined> = process.env,
): ShellServerOptions {
  const raw = loadConfig(
    {
      DASH_SHELL_HOST: host(),
      DASH_SHELL_PORT: port(9000),
      DASH_GATEWAY_URL: httpUrl('http://127.0.0.1:4000/graphql'),
    },
    env,
  );
  return { host: raw.DASH_SHELL_HOST, port: raw.DASH_SHELL_PORT, gatewayUrl: raw.DASH_GATEWAY_URL };
}
