import type { BaseContext } from '@dash/subgraph';
import type { AccountRepository } from './accounts.repository.js';

export interface IdentityContext extends BaseContext {
  accounts: AccountRepository;
}
