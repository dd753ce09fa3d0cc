/**
 * Where Redis is, read from one setting (`REDIS_URL`) so every part that already passes that
 * string along reaches a single server, a Sentinel-watched primary or a Cluster alike:
 *
 * - `redis://[user:password@]host:port[/db]`, or `rediss://…` for TLS;
 * - `redis-sentinel://[user:password@]host1:26379,host2:26379/<primary name>[?db=N]`, or
 *   `rediss-sentinel://…` for TLS to the sentinels and the primary;
 * - `redis-cluster://[user:password@]host1:7000,host2:7001`, or `rediss-cluster://…` for TLS
 *   (any reachable nodes; the rest are discovered).
 *
 * TLS details ride along as query parameters, like libpq's `sslrootcert`:
 * `tls_ca_file=/path/ca.pem` (trust this CA), `tls_servername=name` (the name the certificate
 * must carry when it differs from the host dialled), `sentinel_password=…` (when the sentinels
 * have their own password).
 */
export type RedisAddress =
  | { kind: 'server'; url: string; tls?: RedisTls }
  | {
      kind: 'sentinel';
      sentinels: HostPort[];
      primaryName: string;
      db: number;
      username?: string;
      password?: string;
      sentinelPassword?: string;
      tls?: RedisTls;
    }
  | { kind: 'cluster'; nodes: HostPort[]; username?: string; password?: string; tls?: RedisTls };

export interface HostPort {
  host: string;
  port: number;
}

export interface RedisTls {
  /** A PEM file of the CA to trust instead of the system's. */
  caFile?: string;
  /** The name to verify the certificate against (SNI), when it differs from the host dialled. */
  servername?: string;
}

export class RedisAddressError extends Error {}

const SCHEMES: Record<string, { kind: RedisAddress['kind']; tls: boolean }> = {
  'redis:': { kind: 'server', tls: false },
  'rediss:': { kind: 'server', tls: true },
  'redis-sentinel:': { kind: 'sentinel', tls: false },
  'rediss-sentinel:': { kind: 'sentinel', tls: true },
  'redis-cluster:': { kind: 'cluster', tls: false },
  'rediss-cluster:': { kind: 'cluster', tls: true },
};

const TLS_PARAMETERS = ['tls_ca_file', 'tls_servername'];
const SENTINEL_PARAMETERS = ['sentinel_password', 'db'];

/** Parses a REDIS_URL; throws RedisAddressError with a message fit for the operator. */
export function parseRedisAddress(value: string): RedisAddress {
  const schemeEnd = value.indexOf('//');
  const scheme = SCHEMES[value.slice(0, schemeEnd)];
  if (schemeEnd < 0 || !scheme)
    throw new RedisAddressError(
      `must start with ${Object.keys(SCHEMES)
        .map((s) => `${s}//`)
        .join(', ')}`,
    );
  const rest = value.slice(schemeEnd + 2);
  const [beforeQuery, query = ''] = splitOnce(rest, '?');
  const parameters = new URLSearchParams(query);
  const known =
    scheme.kind === 'sentinel' ? [...TLS_PARAMETERS, ...SENTINEL_PARAMETERS] : TLS_PARAMETERS;
  for (const name of parameters.keys())
    if (!known.includes(name)) throw new RedisAddressError(`has an unknown parameter "${name}"`);
  const tls = scheme.tls ? tlsOf(parameters) : undefined;
  if (!scheme.tls && (parameters.has('tls_ca_file') || parameters.has('tls_servername')))
    throw new RedisAddressError('has TLS parameters but no TLS scheme (use rediss…://)');

  if (scheme.kind === 'server') {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new RedisAddressError('must be a URL such as redis://host:6379');
    }
    if (!url.hostname) throw new RedisAddressError('must name a host');
    url.search = '';
    return { kind: 'server', url: url.toString(), ...(tls ? { tls } : {}) };
  }

  const [userinfo, hostsAndPath] = lastSplit(beforeQuery, '@');
  const [hostList, path = ''] = splitOnce(hostsAndPath, '/');
  const nodes = hostList.split(',').map(hostPortOf);
  const credentials = credentialsOf(userinfo);
  if (scheme.kind === 'cluster') {
    if (path) throw new RedisAddressError('a cluster address takes no path');
    return { kind: 'cluster', nodes, ...credentials, ...(tls ? { tls } : {}) };
  }
  if (!/^[A-Za-z0-9._-]+$/.test(path))
    throw new RedisAddressError('must end with the primary name the sentinels watch (/mymaster)');
  const db = Number(parameters.get('db') ?? '0');
  if (!Number.isInteger(db) || db < 0) throw new RedisAddressError('db must be a whole number');
  const sentinelPassword = parameters.get('sentinel_password') ?? undefined;
  return {
    kind: 'sentinel',
    sentinels: nodes,
    primaryName: path,
    db,
    ...credentials,
    ...(sentinelPassword ? { sentinelPassword } : {}),
    ...(tls ? { tls } : {}),
  };
}

function splitOnce(value: string, separator: string): [string, string?] {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + 1)];
}

/** Splits at the last separator: a password may itself hold the character. */
function lastSplit(value: string, separator: string): [string | undefined, string] {
  const at = value.lastIndexOf(separator);
  return at < 0 ? [undefined, value] : [value.slice(0, at), value.slice(at + 1)];
}

function hostPortOf(entry: string): HostPort {
  const match = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):(\d{1,5})$/.exec(entry.trim());
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65535)
    throw new RedisAddressError(`"${entry}" must be host:port`);
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

function credentialsOf(userinfo: string | undefined) {
  if (userinfo === undefined) return {};
  const [user, password] = splitOnce(userinfo, ':');
  return {
    ...(user ? { username: decodeURIComponent(user) } : {}),
    ...(password ? { password: decodeURIComponent(password) } : {}),
  };
}

function tlsOf(parameters: URLSearchParams): RedisTls {
  const caFile = parameters.get('tls_ca_file');
  const servername = parameters.get('tls_servername');
  return { ...(caFile ? { caFile } : {}), ...(servername ? { servername } : {}) };
}
