import { describe, expect, it } from 'vitest';
import { Platform } from './platform.entity.js';
import { checkedPlatformInput, knownPlatformOf, PlatformInputError } from './platform.rules.js';

describe('platform rules', () => {
  it('keeps a trimmed name and a lower-case colour, the default one unless given', () => {
    expect(checkedPlatformInput({ name: '  Rocket Rides ' })).toEqual({
      name: 'Rocket Rides',
      brandColor: '#5b4cf0',
    });
    expect(checkedPlatformInput({ name: 'R', brandColor: '#ABCDEF' }).brandColor).toBe('#abcdef');
    expect(() => checkedPlatformInput({ name: ' ' })).toThrow(PlatformInputError);
    expect(() => checkedPlatformInput({ name: 'R', brandColor: 'red' })).toThrow(
      'brandColor must look like #5b4cf0',
    );
  });

  it('shows Access each mode its own switches, defaults filled in', () => {
    const platform = Object.assign(new Platform(), {
      id: 'plat_a',
      name: 'A',
      createdAt: new Date(0),
      storedFeatures: { closeAccount: true },
      storedTestFeatures: null,
    });
    const known = knownPlatformOf(platform);
    expect(known.features.closeAccount).toBe(true);
    expect(known.testFeatures).toEqual({ ...platform.featuresIn(false) });
    expect(known.testFeatures?.closeAccount).toBe(platform.featuresIn(false).closeAccount);
  });
});
