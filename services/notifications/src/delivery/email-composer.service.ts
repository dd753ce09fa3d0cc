import type { Logger } from '@dash/logger';
import { localeOf } from '../activity/formats.rules.js';
import { TEXTS } from '../texts/texts.js';
import type { PlatformBrand } from '../platform-brand/platform-brand.entity.js';
import {
  DEFAULT_BRAND_COLOR,
  type PlatformBrands,
} from '../platform-brand/platform-brands.service.js';
import type { DeliveryChannel } from './delivery.entity.js';
import { renderEmailHtml, type EmailBrand } from './email-html.rules.js';
import { httpUrl } from './html.rules.js';
import type { RenderedMessage } from './templates.rules.js';

/** Who a message is for, as its job says. */
export interface MessageAddressee {
  accountId: string | null;
  platformId?: string | undefined;
}

// Mail clients as common as Gmail and Outlook show no SVG: an SVG icon gives way to the name.
const RASTER_ICON = /^\/platform-icons\/[^?#]+\.(png|jpe?g)$/i;

/**
 * Gives an email to an account its HTML part, in the branding of the account's platform as
 * notifications keeps it (from `platform.updated`): no call to identity per email, only the
 * first time an account is met, to learn its platform. SMS, and notices to a platform's own
 * team, stay plain text.
 */
export class EmailComposer {
  constructor(
    private readonly brands: PlatformBrands,
    /** The platform an account belongs to (kept after the first answer). */
    private readonly platformOf: (accountId: string) => Promise<string | null>,
    /** The dashboard's public URL: icons are served on its origin. */
    private readonly dashboardUrl: string,
    private readonly log: Logger,
  ) {}

  async compose(
    addressee: MessageAddressee,
    channel: DeliveryChannel,
    message: RenderedMessage,
    params: Record<string, string>,
  ): Promise<RenderedMessage> {
    if (channel !== 'email' || addressee.accountId === null) return message;
    const brand = await this.brandOf({ ...addressee, accountId: addressee.accountId }, params);
    const html = renderEmailHtml(
      {
        locale: params.locale ?? 'en',
        subject: message.subject,
        text: message.text,
        code: params.code,
        action: params.url,
      },
      brand,
    );
    return { ...message, html };
  }

  private async brandOf(
    addressee: MessageAddressee & { accountId: string },
    params: Record<string, string>,
  ): Promise<EmailBrand> {
    let kept: PlatformBrand | null = null;
    try {
      const platformId = addressee.platformId ?? (await this.platformOf(addressee.accountId));
      kept = platformId ? await this.brands.find(platformId) : null;
    } catch (error) {
      // Branding frames a message; it never holds one up (a sign-in code least of all).
      this.log.warn(
        { err: error, accountId: addressee.accountId },
        'platform branding unavailable: the email goes out unbranded',
      );
    }
    if (!kept)
      return {
        name: params.platformName || TEXTS[localeOf(params.locale)].email.dashboard,
        color: DEFAULT_BRAND_COLOR,
        iconSrc: null,
        supportEmail: null,
        supportPhone: null,
        supportUrl: null,
      };
    return {
      name: kept.name,
      color: kept.brandColor,
      iconSrc: this.iconSrc(kept.iconUrl),
      supportEmail: kept.supportEmail,
      supportPhone: kept.supportPhone,
      supportUrl: kept.supportUrl,
    };
  }

  /** The icon's absolute URL on the dashboard's origin, for a PNG or JPEG; otherwise null. */
  private iconSrc(path: string | null): string | null {
    if (!path || !RASTER_ICON.test(path)) return null;
    return httpUrl(new URL(path, this.dashboardUrl).href);
  }
}
