import type { BaseContext } from '@dash/subgraph';
import type { AccountRepository } from './accounts.repository.js';
import type { ApiKeyRepository } from './api-keys.repository.js';
import type { LoginService } from './login/login.service.js';

export interface IdentityContext extends BaseContext {
  accounts: AccountRepository;
  apiKeys: ApiKeyRepository;
  login: LoginService;
}
