import { IsOptional, Length } from 'class-validator';
import {
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Mutation,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import { DashError } from '@dash/subgraph';
import type { IdentityContext } from '../context.js';
import { Platform } from '../platform/platform.entity.js';

@ArgsType()
class BrandingArgs {
  @Field({ nullable: true, description: 'The name accounts see (1–120 characters).' })
  @IsOptional()
  @Length(1, 120)
  name?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'A data URL of a PNG, JPEG or SVG image (at most 256 KB; SVGs are sanitised), or null to remove the icon.',
  })
  icon?: string | null;

  @Field({
    nullable: true,
    description:
      'A hex colour such as #5b4cf0; darkened if text on it would not meet WCAG AA contrast.',
  })
  @IsOptional()
  primaryColor?: string;

  @Field(() => String, { nullable: true, description: 'An email address; null clears it.' })
  supportEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'A phone number in E.164; null clears it.' })
  supportPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'An https page; null clears it.' })
  supportUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where notices for your developers go, such as a webhook endpoint disabled after failing for 3 days (without it, your supportEmail); never shown to accounts. Null clears it.',
  })
  technicalEmail?: string | null;
}

@ObjectType({ description: 'The platform as branded now.' })
class BrandingUpdate {
  @Field(() => Platform, { description: 'The platform after the change.' }) platform!: Platform;
  @Field({
    description: 'True when primaryColor was darkened to keep text on it readable (WCAG AA).',
  })
  primaryColorAdjusted!: boolean;
}

/**
 * How a platform frames its accounts' dashboard: name, icon, colour and where to get help, and
 * where its developers are told what needs them. Only a live key changes it, as every account
 * of both modes sees it: a leaked test key cannot rebrand the live dashboard.
 */
@Resolver(() => Platform)
export class PlatformBrandingResolver {
  @Mutation(() => BrandingUpdate, {
    description:
      'Sets the name, icon, colour and support contact shown in the dashboard, the sign-in and onboarding pages, and emails, and the address technical notices go to. Needs a live key.',
  })
  async updatePlatformBranding(
    @Args() change: BrandingArgs,
    @Ctx() { access, branding }: IdentityContext,
  ): Promise<BrandingUpdate> {
    const tenant = access.platform();
    if (!tenant.livemode)
      throw new DashError('FORBIDDEN', 'Branding is changed with a live key.', {
        reason: 'LIVE_KEY_REQUIRED',
      });
    const { platform, colorAdjusted } = await branding.update(tenant.platformId, change);
    return { platform, primaryColorAdjusted: colorAdjusted };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Where notices for the platform’s developers go (set with updatePlatformBranding); shown to the platform’s own keys only, null for anyone else.',
  })
  technicalEmail(@Root() platform: Platform, @Ctx() { caller }: IdentityContext): string | null {
    // An account reads its platform's branding; the developers' address is not for it.
    return caller.kind === 'platform' && caller.platformId === platform.id
      ? platform.technicalEmail
      : null;
  }
}
