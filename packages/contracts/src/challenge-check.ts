/**
 * Sensitive changes owned by other services (where payouts go) are confirmed with identity's
 * one-time codes: the dashboard asks identity for a code for `purpose`, then sends the change
 * with the challenge id and code to the owning service, which asks identity
 * `POST <identity origin>/internal/challenges/check` to check and use up the code. A wrong,
 * expired or used code is refused with identity's own typed error.
 */
export const CHALLENGE_CHECK_PATH = '/internal/challenges/check';

export type StepUpPurpose = 'payout_details';

export interface ChallengeCheckRequest {
  accountId: string;
  challengeId: string;
  code: string;
  purpose: StepUpPurpose;
}
