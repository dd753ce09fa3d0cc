/** What an activity item (or an email) is about: payout, dispute, payment, settings, onboarding. */
export type ActivitySubjectType = 'payout' | 'dispute' | 'payment' | 'settings' | 'onboarding';

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
    case 'dispute':
      return `/disputes/${encodeURIComponent(subjectId ?? '')}`;
    case 'payment':
      return `/payments/${encodeURIComponent(subjectId ?? '')}`;
    case 'settings':
      return '/settings';
    case 'onboarding':
      return '/onboarding';
    default:
      return null;
  }
}
