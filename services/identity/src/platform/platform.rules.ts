import type { KnownPlatform } from '@dash/subgraph';
import type { Platform } from './platform.entity.js';

export interface NewPlatform {
  name: string;
  brandColor?: string;
  iconUrl?: string | null;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const DEFAULT_BRAND_COLOR = '#5b4cf0';

export class PlatformInputError extends Error {}

/** A new platform's name and colour as kept; PlatformInputError says what is wrong. */
export function checkedPlatformInput(input: NewPlatform): { name: string; brandColor: string } {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 120)
    throw new PlatformInputError('name must be 1 to 120 characters');
  const brandColor = input.brandColor ?? DEFAULT_BRAND_COLOR;
  if (!HEX_COLOR.test(brandColor))
    throw new PlatformInputError('brandColor must look like #5b4cf0');
  return { name, brandColor: brandColor.toLowerCase() };
}

/**
 * The platform as Access reads a platform's switches elsewhere (another service's copy of
 * `platform.updated`): each mode's switches resolved, defaults included. Identity keeps no
 * update time of its own; the creation time stands in, and Access does not read it.
 */
export const knownPlatformOf = (platform: Platform): KnownPlatform => ({
  id: platform.id,
  name: platform.name,
  features: { ...platform.featuresIn(true) },
  testFeatures: { ...platform.featuresIn(false) },
  updatedAt: platform.createdAt,
});
