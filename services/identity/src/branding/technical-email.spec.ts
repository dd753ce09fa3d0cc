import { describe, expect, it } from 'vitest';
import { checkedTechnicalEmail } from './technical-email.rules.js';

describe('technical email', () => {
  it('keeps an address in lower case, clears on null or blank, leaves undefined alone', () => {
    expect(checkedTechnicalEmail(' Ops@RocketRides.example ')).toBe('ops@rocketrides.example');
    expect(checkedTechnicalEmail(null)).toBeNull();
    expect(checkedTechnicalEmail('  ')).toBeNull();
    expect(checkedTechnicalEmail(undefined)).toBeUndefined();
  });

  it('refuses what is not an email address, naming the field', () => {
    for (const bad of ['ops', 'ops@example', 'ops @x.example', `${'a'.repeat(250)}@x.example`])
      expect(() => checkedTechnicalEmail(bad), bad).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ field: 'technicalEmail' }),
        }),
      );
  });
});
