import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Access } from '@dash/subgraph';
import type { IdentityContext } from '../context.js';
import { Platform } from './platform.entity.js';
import { PlatformFeatures, type FeatureName } from './platform-features.type.js';
import { PlatformFeaturesInput } from './platform.input.js';

/** The platform a caller belongs to: its key's, its account's or its onboarding session's. */
function ownPlatformId(access: Access): string | null {
  const session = access.onboardingSession();
  if (session) return session.platformId;
  const { kind } = access.caller;
  return kind === 'account' || kind === 'platform' ? access.tenant().platformId : null;
}

/**
 * How the gateway turns `{ __typename: "Platform", id }` into a platform: only the caller's
 * own, otherwise null.
 */
export const platformReference = {
  __resolveReference: ({ id }: Pick<Platform, 'id'>, { access, platforms }: IdentityContext) =>
    ownPlatformId(access) === id ? platforms.find(id) : null,
};

/** A platform reads itself and decides what its accounts may do in the dashboard. */
@Resolver(() => Platform)
export class PlatformResolver {
  @Query(() => Platform, { description: 'The calling platform.' })
  platform(@Ctx() { access, platforms }: IdentityContext): Promise<Platform> {
    return platforms.get(access.platform().platformId);
  }

  @Mutation(() => Platform, {
    description:
      'Switches dashboard features for the platform’s accounts in the key’s mode: a test key changes test mode’s switches only, a live key live mode’s.',
  })
  updatePlatformFeatures(
    @Arg('input', () => PlatformFeaturesInput, { description: 'The switches to change.' })
    input: PlatformFeaturesInput,
    @Ctx() { access, platforms }: IdentityContext,
  ): Promise<Platform> {
    const tenant = access.platform();
    const switches = Object.fromEntries(
      Object.entries(input).filter(([, value]) => typeof value === 'boolean'),
    ) as Partial<Record<FeatureName, boolean>>;
    return platforms.updateFeatures(tenant, switches);
  }

  @FieldResolver(() => PlatformFeatures, {
    description:
      'What accounts may do from the dashboard, as the platform decided, in the caller’s mode: a test key and test accounts see (and change) test mode’s switches, live ones live mode’s.',
  })
  features(@Root() platform: Platform, @Ctx() { caller }: IdentityContext): PlatformFeatures {
    return platform.featuresIn('livemode' in caller ? caller.livemode : true);
  }
}
