import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  loadConfig,
  mysqlReplicaUrls,
  mysqlTlsFields,
  mysqlTlsOf,
  mysqlUrl,
  parseRedisAddress,
  port,
  RedisAddressError,
  redisUrl,
} from '../src/index.js';

const shape = {
  DASH_LEDGER_PORT: port(4002),
  MYSQL_URL: mysqlUrl(),
  REDIS_URL: redisUrl(),
};

describe('loadConfig', () => {
  it('applies defaults for unset and empty variables', () => {
    expect(loadConfig(shape, { DASH_LEDGER_PORT: '' })).toEqual({
      DASH_LEDGER_PORT: 4002,
      MYSQL_URL: 'mysql://root@127.0.0.1:3306',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
  });

  it('coerces values from strings', () => {
    expect(loadConfig(shape, { DASH_LEDGER_PORT: '5002' }).DASH_LEDGER_PORT).toBe(5002);
  });

  it('names every bad variable and what was given', () => {
    let error: unknown;
    try {
      loadConfig(shape, { DASH_LEDGER_PORT: 'abc', MYSQL_URL: 'postgres://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^DASH_LEDGER_PORT: .*port.*\(got "abc"\)$/);
    expect(problems[1]).toMatch(
      /^MYSQL_URL: must be a URL starting with mysql:\/\/.*\(got "postgres:\/\/x"\)$/,
    );
  });

  it('rejects out-of-range ports', () => {
    expect(() => loadConfig(shape, { DASH_LEDGER_PORT: '70000' })).toThrow(/between 0 and 65535/);
  });
});

describe('REDIS_URL', () => {
  const load = (value: string) => loadConfig({ REDIS_URL: redisUrl() }, { REDIS_URL: value });

  it('reads a single server, with or without TLS', () => {
    expect(parseRedisAddress('redis://:secret@cache:6379/2')).toEqual({
      kind: 'server',
      url: 'redis://:secret@cache:6379/2',
    });
    expect(
      parseRedisAddress(
        'rediss://cache:6380?tls_ca_file=/etc/dash/ca.pem&tls_servername=cache.internal',
      ),
    ).toEqual({
      kind: 'server',
      url: 'rediss://cache:6380',
      tls: { caFile: '/etc/dash/ca.pem', servername: 'cache.internal' },
    });
  });

  it('reads a Sentinel set: the sentinels, the primary name, the database and passwords', () => {
    expect(
      parseRedisAddress(
        'rediss-sentinel://app:p%40ss@s1:26379,10.0.0.2:26380,[::1]:26381/dash-primary?db=3&sentinel_password=watch&tls_ca_file=/ca.pem',
      ),
    ).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: '10.0.0.2', port: 26380 },
        { host: '::1', port: 26381 },
      ],
      primaryName: 'dash-primary',
      db: 3,
      username: 'app',
      password: 'p@ss',
      sentinelPassword: 'watch',
      tls: { caFile: '/ca.pem' },
    });
  });

  it('reads a Cluster by any of its nodes', () => {
    expect(parseRedisAddress('redis-cluster://:pw@n1:7000,n2:7001')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'n1', port: 7000 },
        { host: 'n2', port: 7001 },
      ],
      password: 'pw',
    });
  });

  it.each([
    ['http://cache:6379', /must start with redis:\/\//],
    ['redis-sentinel://s1:26379', /primary name/],
    ['redis-sentinel://s1:26379/mymaster?db=-1', /db must be a whole number/],
    ['redis-sentinel://s1/mymaster', /must be host:port/],
    ['redis-cluster://n1:7000,n2:99999', /must be host:port/],
    ['redis-cluster://n1:7000/0', /takes no path/],
    ['redis://cache:6379?tls_ca_file=/ca.pem', /no TLS scheme/],
    ['rediss://cache:6379?tls_verify=no', /unknown parameter "tls_verify"/],
  ])('refuses %s with a message naming the problem', (value, message) => {
    expect(() => parseRedisAddress(value)).toThrow(RedisAddressError);
    expect(() => load(value)).toThrow(message);
    expect(() => load(value)).toThrow(/REDIS_URL/);
  });
});

describe('MySQL replicas and TLS', () => {
  const load = (env: Record<string, string>) =>
    loadConfig({ MYSQL_REPLICA_URLS: mysqlReplicaUrls(), ...mysqlTlsFields() }, env);

  it('reads replica URLs separated by commas, none by default', () => {
    expect(load({}).MYSQL_REPLICA_URLS).toEqual([]);
    expect(
      load({ MYSQL_REPLICA_URLS: 'mysql://ro@replica-1:3306, mysql://ro@replica-2:3306' })
        .MYSQL_REPLICA_URLS,
    ).toEqual(['mysql://ro@replica-1:3306', 'mysql://ro@replica-2:3306']);
    expect(() => load({ MYSQL_REPLICA_URLS: 'mysql://a:3306,redis://b:6379' })).toThrow(
      /MYSQL_REPLICA_URLS: must be mysql:\/\/ URLs/,
    );
  });

  it('turns TLS on by MYSQL_TLS or a CA file, verifying certificates unless told otherwise', () => {
    const tls = (env: Record<string, string>, nodeEnv = 'production') =>
      mysqlTlsOf({ NODE_ENV: nodeEnv, ...load(env) });
    expect(tls({})).toBeUndefined();
    expect(tls({ MYSQL_TLS: 'on' })).toEqual({ rejectUnauthorized: true });
    expect(tls({ MYSQL_TLS_CA: '/etc/dash/mysql-ca.pem' })).toEqual({
      caFile: '/etc/dash/mysql-ca.pem',
      rejectUnauthorized: true,
    });
    expect(tls({ MYSQL_TLS: 'on', MYSQL_TLS_REJECT_UNAUTHORIZED: 'false' }, 'development')).toEqual(
      { rejectUnauthorized: false },
    );
    expect(() => tls({ MYSQL_TLS: 'on', MYSQL_TLS_REJECT_UNAUTHORIZED: 'false' })).toThrow(
      /must not be false in production/,
    );
    expect(() => load({ MYSQL_TLS: 'yes' })).toThrow(/MYSQL_TLS: must be on or off/);
  });
});
