import { host, loadConfig, port } from '@dash/config';
import { loadGatewayConfig, type GatewayConfig } from '../config.js';

/**
 * The gateway's settings (key ring, identity's URL, Redis, request limits, trusted proxies), read
 * the same way, and the coprocessor's own address.
 */
export type CoprocessorConfig = Omit<GatewayConfig, 'host' | 'port'> & {
  host: string;
  port: number;
};

export const DEFAULT_COPROCESSOR_PORT = 4090;

export function loadCoprocessorConfig(
  env: Record<string, string | undefined> = process.env,
): CoprocessorConfig {
  const { host: _gatewayHost, port: _gatewayPort, ...gateway } = loadGatewayConfig(env);
  const own = loadConfig(
    {
      DASH_COPROCESSOR_HOST: host(),
      DASH_COPROCESSOR_PORT: port(DEFAULT_COPROCESSOR_PORT),
    },
    env,
  );
  return { ...gateway, host: own.DASH_COPROCESSOR_HOST, port: own.DASH_COPROCESSOR_PORT };
}
