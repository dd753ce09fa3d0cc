import { describe, expect, it } from 'vitest';
import { ConfigError } from '@dash/config';
import { loadConsoleConfig } from '../src/config.js';

const LONG = 'a-production-operator-secret-of-40-chars!';
const base = { NODE_ENV: 'production', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('the console configuration', () => {
  it('refuses to start without operator tokens, in production and elsewhere', () => {
    expect(() => loadConsoleConfig(base)).toThrow(ConfigError);
    expect(() => loadConsoleConfig({ ...base, NODE_ENV: 'development' })).toThrow(
      /DASH_OPERATOR_TOKENS/,
    );
    expect(() => loadConsoleConfig({ ...base, DASH_OPERATOR_TOKENS: ' , ' })).toThrow(
      /at least one token/,
    );
  });

  it('refuses short secrets in production only', () => {
    const env = { ...base, DASH_OPERATOR_TOKENS: `alice:${LONG},bob:short` };
    expect(() => loadConsoleConfig(env)).toThrow(/at least 32 characters/);
    expect(loadConsoleConfig({ ...env, NODE_ENV: 'development' }).tokens.ids).toEqual([
      'alice',
      'bob',
    ]);
  });

  it('names a bare token by its digest, without giving the secret away', () => {
    const config = loadConsoleConfig({ ...base, DASH_OPERATOR_TOKENS: LONG });
    expect(config.tokens.ids).toEqual([expect.stringMatching(/^token-[0-9a-f]{8}$/)]);
    expect(config.tokens.identify(LONG)).toBe(config.tokens.ids[0]);
  });

  it('refuses a bad or repeated id, an empty secret, or the same token twice', () => {
    for (const tokens of [
      `:${LONG}`,
      `al ice:${LONG}`,
      `a:${LONG},a:${LONG}x`,
      'a:',
      `${LONG},${LONG}`,
    ])
      expect(() => loadConsoleConfig({ ...base, DASH_OPERATOR_TOKENS: tokens }), tokens).toThrow(
        ConfigError,
      );
  });

  it('keeps only digests: the secret is nowhere in the loaded configuration', () => {
    const config = loadConsoleConfig({ ...base, DASH_OPERATOR_TOKENS: `alice:${LONG}` });
    expect(config.tokens.identify(LONG)).toBe('alice');
    expect(config.tokens.identify(`${LONG} `)).toBeUndefined();
    expect(JSON.stringify(config)).not.toContain(LONG);
  });
});
