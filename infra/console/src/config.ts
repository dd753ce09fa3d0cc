import {
  commaList,
  ConfigError,
  host,
  loadConfig,
  nodeEnv,
  port,
  positiveInt,
  redisPrefix,
  redisUrl,
  z,
} from '@dash/config';
import { parseOperatorTokens, type OperatorTokens } from './operator-tokens.js';

export interface ConsoleConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  redisUrl: string;
  /** The product's queues live under this prefix (the same DASH_REDIS_PREFIX as the services). */
  redisPrefix: string;
  tokens: OperatorTokens;
  /** Proxies whose X-Forwarded-For is believed when counting failed sign-ins by address. */
  trustedProxies: string[];
  /** Failed sign-ins one address may make per window before it is refused for a while. */
  failedAttemptsPerWindow: number;
}

/** In production a token must be long enough that guessing it, even unthrottled, is hopeless. */
const MIN_PRODUCTION_TOKEN_LENGTH = 32;

export function loadConsoleConfig(
  env: Record<string, string | undefined> = process.env,
): ConsoleConfig {
  const raw = loadConfig(
    {
      NODE_ENV: nodeEnv(),
      DASH_CONSOLE_PORT: port(4080),
      DASH_CONSOLE_HOST: host(),
      REDIS_URL: redisUrl(),
      DASH_REDIS_PREFIX: redisPrefix(),
      // Without a token nobody could use the console, and an open one would hand every queue to
      // anyone who reaches it: the process refuses to start instead, in every mode.
      DASH_OPERATOR_TOKENS: z
        .string({ message: 'is required: comma-separated operator tokens (id:secret or secret)' })
        .transform((value, context) => {
          try {
            return parseOperatorTokens(value);
          } catch (error) {
            context.addIssue({ code: 'custom', message: (error as Error).message });
            return z.NEVER;
          }
        }),
      DASH_CONSOLE_TRUSTED_PROXIES: commaList(),
      DASH_CONSOLE_FAILED_ATTEMPTS: positiveInt(10),
    },
    env,
  );
  if (
    raw.NODE_ENV === 'production' &&
    raw.DASH_OPERATOR_TOKENS.shortest < MIN_PRODUCTION_TOKEN_LENGTH
  )
    throw new ConfigError([
      `DASH_OPERATOR_TOKENS: every secret must have at least ${MIN_PRODUCTION_TOKEN_LENGTH} characters in production (e.g. openssl rand -base64 32)`,
    ]);
  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.DASH_CONSOLE_PORT,
    host: raw.DASH_CONSOLE_HOST,
    redisUrl: raw.REDIS_URL,
    redisPrefix: raw.DASH_REDIS_PREFIX,
    tokens: raw.DASH_OPERATOR_TOKENS,
    trustedProxies: raw.DASH_CONSOLE_TRUSTED_PROXIES,
    failedAttemptsPerWindow: raw.DASH_CONSOLE_FAILED_ATTEMPTS,
  };
}
