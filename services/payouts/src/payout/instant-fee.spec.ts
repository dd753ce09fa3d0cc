import { describe, expect, it } from 'vitest';
import { instantPayoutFee } from './instant-fee.rules.js';

describe('instant payout fee', () => {
  it('is a percentage rounded up, never below the minimum', () => {
    const rule = { percentBps: 100, minimum: 50 };
    expect(instantPayoutFee(1_000, rule)).toBe(50);
    expect(instantPayoutFee(10_001, rule)).toBe(101);
    expect(instantPayoutFee(250_000, rule)).toBe(2_500);
  });
});
