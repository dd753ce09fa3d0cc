import { formatMoney } from '@dash/money';
import { getLocale } from './state.js';

/** Money in the current locale: formatAmount(123456, 'usd') → "$1,234.56" or "US$1,234.56". */
export function formatAmount(
  amount: number,
  currency: string,
  options: { signed?: boolean } = {},
): string {
  return formatMoney(amount, currency, getLocale(), options);
}

/** A date in the current locale and the viewer's time zone ("Nov 24, 2026"). */
export function formatDate(
  value: Date | string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  return new Intl.DateTimeFormat(getLocale(), options).format(
    typeof value === 'string' ? new Date(value) : value,
  );
}

/** Where money is paid out to, as its owner knows it: "Simulated Bank •••• 6789", "Visa •••• 4242". */
export const formatDestination = (destination: {
  brand: string | null;
  bankName: string | null;
  last4: string;
}): string =>
  `${destination.brand ? destination.brand[0]!.toUpperCase() + destination.brand.slice(1) : (destination.bankName ?? '')} •••• ${destination.last4}`.trim();
