import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, mysqlUrl, port, redisUrl } from '../src/index.js';

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
