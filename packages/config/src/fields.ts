import { z } from 'zod';
import { parseRedisAddress, RedisAddressError } from './redis-address.js';

/** Reusable field schemas so every service reads the same variable the same way. */

/** A port to listen on; without a fallback the variable must be set. */
export const port = (fallback?: number) => {
  const portNumber = z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535');
  return fallback === undefined ? portNumber : portNumber.default(fallback);
};

export const host = (fallback = '127.0.0.1') => z.string().min(1).default(fallback);

const urlWithProtocols = (protocols: string[], fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

export const mysqlUrl = () =>
  urlWithProtocols(['mysql:', 'mariadb:'], 'mysql://root@127.0.0.1:3306');
/** REDIS_URL: a server, a Sentinel set or a Cluster (see parseRedisAddress for the forms). */
export const redisUrl = () =>
  z
    .string()
    .default('redis://127.0.0.1:6379')
    .superRefine((value, context) => {
      try {
        parseRedisAddress(value);
      } catch (error) {
        if (!(error instanceof RedisAddressError)) throw error;
        context.addIssue({ code: 'custom', message: error.message });
      }
    });
/** A Redis key prefix, one per environment (BullMQ adds its own separators after it). */
export const redisPrefix = () =>
  z
    .string()
    .regex(/^[A-Za-z0-9:_{}-]+$/, 'must be letters, digits and : _ - { }')
    .default('dash');

export const httpUrl = (fallback: string) => urlWithProtocols(['http:', 'https:'], fallback);

export const databaseName = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_]{1,64}$/, 'must be letters, digits and underscores (at most 64)')
    .default(fallback);

/**
 * Required, with no default: a process that does not say where it runs refuses to start, so a
 * bare `node dist/main.js` on a server never falls back to development conveniences. `npm start`
 * sets `development`, the test runner `test`; a deployment says `production`.
 */
export const nodeEnv = () =>
  z.enum(['development', 'test', 'production'], {
    message:
      'must be development, test or production (npm start and the tests set it; a deployment sets production)',
  });

export const positiveInt = (fallback: number) =>
  z.coerce.number().int('must be a whole number').positive('must be positive').default(fallback);

/** A count of something (days, minor units, milliseconds): a whole number, zero or more. */
export const count = (what: string, fallback: number) =>
  z.coerce
    .number({ message: `must be a number (${what})` })
    .int()
    .min(0)
    .default(fallback);

/** A list in one variable, separated by commas (spaces around entries and empty ones ignored). */
export const commaList = () =>
  z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    );

/**
 * The published development root secret: used only when NODE_ENV is development or test and no
 * secret is configured, and refused outright in production.
 */
export const DEV_INTERNAL_SECRET = 'dev-internal-secret-change-me-0123456789';
