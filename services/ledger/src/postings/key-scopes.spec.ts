import { describe, expect, it } from 'vitest';
import { accountKeyScope, tenantKeyScope } from './key-scopes.rules.js';

describe('idempotency key scopes', () => {
  it('keep a platform’s test and live keys, and an account’s own, apart', () => {
    const scopes = [
      tenantKeyScope({ platformId: 'plat_a', livemode: false }),
      tenantKeyScope({ platformId: 'plat_a', livemode: true }),
      accountKeyScope('plat_a'),
    ];
    expect(new Set(scopes).size).toBe(3);
    expect(scopes[0]).toBe('plat_a:test');
  });
});
