import type { KnownPlatform } from '@dash/subgraph';

/** What a payment or transfer is called when the platform gave it no description. */
export const defaultDescription = (platform: KnownPlatform | null) =>
  `Payment from ${platform?.name ?? 'your platform'}`;
