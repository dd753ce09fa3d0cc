import type { SecretKeys } from '@dash/config';
import { CHALLENGE_CHECK_PATH, type ChallengeCheckRequest } from '@dash/contracts';
import { internalRoute, InternalRouteError } from '@dash/subgraph';
import type { PayoutDetailsCodes } from './payout-details-codes.service.js';
import { stepUp } from './step-up.rules.js';

/**
 * POST /internal/challenges/check { accountId, challengeId, code, purpose } → { ok }: how the
 * payouts service confirms a change to where money goes with the account's one-time code. A
 * wrong, expired or used code answers identity's own typed refusal.
 */
export function challengeCheckRoute(secret: SecretKeys, payoutDetails: PayoutDetailsCodes) {
  return internalRoute<ChallengeCheckRequest, { ok: true }>(
    CHALLENGE_CHECK_PATH,
    secret,
    ['payouts'],
    async (body) => {
      const { accountId, challengeId, code, purpose } = body;
      if (
        typeof accountId !== 'string' ||
        typeof challengeId !== 'string' ||
        typeof code !== 'string' ||
        purpose !== 'payout_details'
      )
        throw new InternalRouteError(
          400,
          'BAD_USER_INPUT',
          'accountId, challengeId, code and purpose are required',
        );
      await stepUp(() => payoutDetails.check(accountId, challengeId, code.trim()));
      return { ok: true };
    },
  );
}
