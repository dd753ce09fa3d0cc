import { describe, expect, it } from 'vitest';
import type { KnownPlatform } from '@dash/subgraph';
import { defaultDescription } from './default-description.rules.js';

describe('a payment without words of its own', () => {
  it('is named after its platform, or plainly where the platform is not known yet', () => {
    expect(defaultDescription({ name: 'Rocket Rides' } as KnownPlatform)).toBe(
      'Payment from Rocket Rides',
    );
    expect(defaultDescription(null)).toBe('Payment from your platform');
  });
});
