import { IsBoolean, IsOptional } from 'class-validator';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { notFound, requirePlatform } from '@dash/subgraph';
import { Platform } from './platform.entity.js';
import { PlatformFeatures, type FeatureName } from './platform-features.type.js';
import type { IdentityContext } from '../context.js';

@InputType({ description: 'Switches to change; those left out keep their value.' })
class PlatformFeaturesInput implements Partial<Record<FeatureName, boolean>> {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() closeAccount?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() editPublicInfo?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() issueRefunds?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() editPayoutSchedule?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() editBankAccounts?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() instantPayouts?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() manageDisputes?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() reserveTopUps?: boolean;
}

/** A platform reads itself and decides what its accounts may do in the dashboard. */
@Resolver(() => Platform)
export class PlatformResolver {
  @Query(() => Platform, { description: 'The calling platform.' })
  async platform(@Ctx() { caller, accounts }: IdentityContext): Promise<Platform> {
    const { platformId } = requirePlatform(caller);
    const platform = await accounts.findPlatform(platformId, caller);
    if (!platform) throw notFound('platform', platformId);
    return platform;
  }

  @Mutation(() => Platform, {
    description:
      'Switches dashboard features for the platform’s accounts in the key’s mode: a test key changes test mode’s switches only, a live key live mode’s.',
  })
  async updatePlatformFeatures(
    @Arg('input', () => PlatformFeaturesInput) input: PlatformFeaturesInput,
    @Ctx() { caller, accounts }: IdentityContext,
  ): Promise<Platform> {
    const { platformId, livemode } = requirePlatform(caller);
    const switches = Object.fromEntries(
      Object.entries(input).filter(([, value]) => typeof value === 'boolean'),
    ) as Partial<Record<FeatureName, boolean>>;
    return accounts.updateFeatures(platformId, livemode, switches);
  }

  @FieldResolver(() => PlatformFeatures, {
    description:
      'What accounts may do from the dashboard, as the platform decided, in the caller’s mode: a test key and test accounts see (and change) test mode’s switches, live ones live mode’s.',
  })
  features(@Root() platform: Platform, @Ctx() { caller }: IdentityContext): PlatformFeatures {
    return platform.featuresIn('livemode' in caller ? caller.livemode : true);
  }
}
