import { z } from 'zod';
import { commaList } from './fields.js';
import { ConfigError } from './load.js';

/**
 * `MYSQL_REPLICA_URLS`: read replicas' server URLs separated by commas (empty: none). Only the
 * reads a service routes to a replica go there; everything else stays on `MYSQL_URL`.
 */
export const mysqlReplicaUrls = () =>
  commaList().refine(
    (urls) =>
      urls.every((url) => {
        try {
          return ['mysql:', 'mariadb:'].includes(new URL(url).protocol);
        } catch {
          return false;
        }
      }),
    'must be mysql:// URLs separated by commas',
  );

/**
 * TLS to MySQL (primary and replicas alike): `MYSQL_TLS=on` verifies the server against the
 * system's CAs, `MYSQL_TLS_CA=/path/ca.pem` against that CA (and turns TLS on);
 * `MYSQL_TLS_REJECT_UNAUTHORIZED=false` accepts any certificate, outside production only.
 */
export const mysqlTlsFields = () => ({
  MYSQL_TLS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('off'),
  MYSQL_TLS_CA: z.string().min(1).optional(),
  MYSQL_TLS_REJECT_UNAUTHORIZED: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true'),
});

export interface MysqlTlsSetting {
  caFile?: string;
  rejectUnauthorized: boolean;
}

export function mysqlTlsOf(raw: {
  NODE_ENV?: string;
  MYSQL_TLS: 'on' | 'off';
  MYSQL_TLS_CA?: string | undefined;
  MYSQL_TLS_REJECT_UNAUTHORIZED: 'true' | 'false';
}): MysqlTlsSetting | undefined {
  if (raw.MYSQL_TLS === 'off' && !raw.MYSQL_TLS_CA) return undefined;
  const rejectUnauthorized = raw.MYSQL_TLS_REJECT_UNAUTHORIZED === 'true';
  if (!rejectUnauthorized && raw.NODE_ENV === 'production')
    throw new ConfigError([
      'MYSQL_TLS_REJECT_UNAUTHORIZED: must not be false in production (give the CA in MYSQL_TLS_CA instead)',
    ]);
  return { ...(raw.MYSQL_TLS_CA ? { caFile: raw.MYSQL_TLS_CA } : {}), rejectUnauthorized };
}
