import { badInput } from '@dash/errors';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The address for a platform's technical notices as kept: lower case, trimmed; undefined leaves
 * it as it is, null or "" clears it. Anything but an email address is BAD_USER_INPUT on
 * `technicalEmail`.
 */
export function checkedTechnicalEmail(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const email = value?.trim() || null;
  if (email === null) return null;
  if (email.length > 254 || !EMAIL.test(email))
    throw badInput('technicalEmail must be an email address', 'technicalEmail');
  return email.toLowerCase();
}
