/** What an activity item (or an email) is about: payout, dispute, payment, settings, onboarding. */
export type ActivitySubjectType =
  | 'payout'
  | 'payouts'
  | 'payout_methods'
  | 'dispute'
  | 'payment'
  | 'settings'
  | 'onboarding'
  | 'tax_form'
  | 'home';

/**
 * Where in the dashboard the thing an activity item (or an email) is about is shown: the same
 * path in the hub's links and in the emails' buttons.
 */
export function hrefOf(subjectType: ActivitySubjectType, subjectId?: string | null): string;
export function hrefOf(subjectType: string | null, subjectId?: string | null): string | null;
export function hrefOf(subjectType: string | null, subjectId?: string | null): string | null {
  switch (subjectType) {
    case 'payout':
      return `/payouts/${encodeURIComponent(subjectId ?? '')}`;
    // The schedule: the payouts page shows it, with the next payout.
    case 'payouts':
      return '/payouts';
    case 'payout_methods':
      return '/payouts/methods';
    case 'dispute':
      return `/disputes/${encodeURIComponent(subjectId ?? '')}`;
    case 'payment':
      return `/payments/${encodeURIComponent(subjectId ?? '')}`;
    case 'settings':
      return '/settings';
    case 'onboarding':
      return '/onboarding';
    // Tax forms are few a year: the page lists them all.
    case 'tax_form':
      return '/tax-forms';
    // Home: the banner there says what a risk intervention asks, the balance card how a negative
    // balance is recovered.
    case 'home':
      return '/';
    default:
      return null;
  }
}
