import { badInput } from '@dash/errors';

/** How a platform's accounts reach its support: any of an email, a phone and a web page. */
export interface SupportContact {
  supportEmail: string | null;
  supportPhone: string | null;
  supportUrl: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;

/**
 * Checks what is given (undefined leaves a field as it is, null or "" clears it): an email
 * address, a phone number in E.164 (+14155550123), an https page.
 */
export function checkedSupportContact(
  input: Partial<Record<keyof SupportContact, string | null | undefined>>,
): Partial<SupportContact> {
  const out: Partial<SupportContact> = {};
  const given = (value: string | null | undefined) =>
    value === undefined ? undefined : value?.trim() || null;
  const email = given(input.supportEmail);
  if (email !== undefined) {
    if (email !== null && (email.length > 254 || !EMAIL.test(email)))
      throw badInput('supportEmail must be an email address', 'supportEmail');
    out.supportEmail = email?.toLowerCase() ?? null;
  }
  const phone = given(input.supportPhone);
  if (phone !== undefined) {
    const compact = phone?.replace(/[\s().-]/g, '') ?? null;
    if (compact !== null && !PHONE.test(compact))
      throw badInput(
        'supportPhone must be an international number such as +14155550123',
        'supportPhone',
      );
    out.supportPhone = compact;
  }
  const url = given(input.supportUrl);
  if (url !== undefined) {
    if (url !== null) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(url);
      } catch {
        parsed = undefined;
      }
      if (!parsed || parsed.protocol !== 'https:' || parsed.username || url.length > 500)
        throw badInput('supportUrl must be an https address', 'supportUrl');
      out.supportUrl = parsed.href;
    } else out.supportUrl = null;
  }
  return out;
}
