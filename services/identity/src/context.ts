import type { CredentialEpochs } from '@dash/auth-context';
import type { BaseContext } from '@dash/subgraph';
import type { AccountClosureService } from './settings/account-closure.service.js';
import type { ContactChangeService } from './settings/contact-change.service.js';
import type { PayoutDetailsCodes } from './settings/payout-details-codes.service.js';
import type { AccountRepository } from './account/account.service.js';
import type { ApiKeyRepository } from './api-key/api-key.service.js';
import type { LoginService } from './login/login.service.js';
import type { AccountLinks } from './onboarding/account-link.service.js';
import type { OnboardingService } from './onboarding/onboarding.service.js';

export interface IdentityContext extends BaseContext {
  accounts: AccountRepository;
  apiKeys: ApiKeyRepository;
  login: LoginService;
  contactChange: ContactChangeService;
  payoutDetails: PayoutDetailsCodes;
  closure: AccountClosureService;
  accountLinks: AccountLinks;
  onboarding: OnboardingService;
  /** Bumped after every revocation, so every gateway drops its cached copy at once. */
  credentialEpochs: CredentialEpochs;
}
