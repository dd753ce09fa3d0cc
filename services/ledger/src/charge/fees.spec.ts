import { describe, expect, it } from 'vitest';
import { DEFAULT_FEE_SCHEDULE, processingFee } from './fees.rules.js';

describe('processing fees', () => {
  it('are 2.9% plus 30 minor units by default, rounded to the nearest unit', () => {
    expect(processingFee(10_000, 'usd', DEFAULT_FEE_SCHEDULE)).toBe(320);
    expect(processingFee(1_234, 'usd', DEFAULT_FEE_SCHEDULE)).toBe(66);
  });

  it('follow the rule of the charge’s currency, and the default for any other', () => {
    const schedule = { ...DEFAULT_FEE_SCHEDULE, jpy: { percentBps: 360, fixed: 0 } };
    expect(processingFee(10_000, 'jpy', schedule)).toBe(360);
    expect(processingFee(10_000, 'eur', schedule)).toBe(320);
  });

  it('never exceed the charge itself', () => {
    expect(processingFee(20, 'usd', DEFAULT_FEE_SCHEDULE)).toBe(20);
  });
});
