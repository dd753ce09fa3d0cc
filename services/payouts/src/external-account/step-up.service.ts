import type { SecretKeys } from '@dash/config';
import { callService } from '@dash/subgraph';
import { CHALLENGE_CHECK_PATH, type ChallengeCheckRequest } from '@dash/contracts';

/**
 * A change to where money goes is confirmed with a one-time code (identity's challenge, sent
 * to the account's phone or email): identity checks the code and uses it up.
 */
export class StepUp {
  constructor(
    private readonly identityUrl: string,
    private readonly internalSecret: SecretKeys,
  ) {}

  async confirm(request: ChallengeCheckRequest): Promise<void> {
    await callService(new URL(CHALLENGE_CHECK_PATH, this.identityUrl), request, {
      service: 'payouts',
      audience: 'identity',
      secret: this.internalSecret,
    });
  }
}
