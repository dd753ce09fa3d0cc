import type { Caller } from '@dash/auth-context';
import {
  accountRefOf,
  belongsToTenant,
  featureAllowed,
  type AccountRef,
  type OwnedAccount,
  type PlatformFeatureName,
  type Tenant,
} from '@dash/contracts';
import { DashError, forbidden, notFound, unauthenticated } from '@dash/errors';
import { switchesIn, type KnownPlatform } from './known-platforms.js';

/**
 * Who owns an account, as a service knows it: identity from its own table, every other service
 * from its AccountDirectory (identity's answer kept locally).
 */
export interface AccountOwnership {
  /** The account if it is the tenant's, open or closed; otherwise null. */
  belongsTo(tenant: Tenant, accountId: string): Promise<AccountRef | null>;
  /** The account if it is the tenant's and open; otherwise NOT_FOUND or ACCOUNT_CLOSED. */
  openAccountOf(tenant: Tenant, accountId: string): Promise<OwnedAccount>;
}

/** The platforms a service knows (their switches), looked up by id. */
export type PlatformLookup = (platformId: string) => Promise<KnownPlatform | null>;

type SignedInAccount = Extract<Caller, { kind: 'account' }>;
type OnboardingSession = Extract<Caller, { kind: 'onboarding' }>;

/**
 * The one gate between a request and an account's data. Every use case asks it first, so a
 * security review reads this module: an account reaches only itself, a platform key only its own
 * accounts in its own mode, and a feature a platform switched off is refused with the words the
 * screen shows. One instance per request: what it learns is kept for the request's other fields.
 */
export class Access {
  private readonly readable = new Map<string, Promise<AccountRef | null>>();

  constructor(
    readonly caller: Caller,
    private readonly ownership: AccountOwnership,
    private readonly platforms: PlatformLookup,
  ) {}

  /**
   * The account whose rows the caller may read: its own signed-in account, or one of its
   * platform's accounts (open or closed) in the key's mode. Null when it may not, so a list
   * field answers empty rather than telling the account exists.
   */
  readAccount(accountId: string): Promise<AccountRef | null> {
    const { caller } = this;
    if (caller.kind === 'account')
      return Promise.resolve(caller.accountId === accountId ? accountRefOf(caller) : null);
    if (caller.kind !== 'platform') throw unauthenticated();
    let known = this.readable.get(accountId);
    if (!known) {
      known = this.ownership.belongsTo(caller, accountId);
      this.readable.set(accountId, known);
    }
    return known;
  }

  /** As `readAccount`, but NOT_FOUND where the caller may not read it. */
  async readableAccount(accountId: string): Promise<AccountRef> {
    const account = await this.readAccount(accountId);
    if (!account) throw notFound('account', accountId);
    return account;
  }

  /**
   * The open account a change is for: the signed-in account itself, or one of the platform's
   * own. NOT_FOUND for anyone else's, ACCOUNT_CLOSED once closed.
   */
  async writeAccount(accountId: string): Promise<OwnedAccount> {
    const { caller } = this;
    if (caller.kind !== 'account' && caller.kind !== 'platform') throw unauthenticated();
    if (caller.kind === 'account' && caller.accountId !== accountId)
      throw notFound('account', accountId);
    return this.ownership.openAccountOf(caller, accountId);
  }

  /**
   * The signed-in account, open, where its platform allows `feature` from the dashboard in the
   * account's mode; otherwise FORBIDDEN with reason FEATURE_DISABLED and `message`.
   */
  async feature(feature: PlatformFeatureName, message: string): Promise<OwnedAccount> {
    const account = this.signedInAccount();
    const switches = switchesIn(await this.platforms(account.platformId), account.livemode);
    if (!featureAllowed(switches, feature))
      throw new DashError('FORBIDDEN', message, { reason: 'FEATURE_DISABLED', feature });
    return this.writeAccount(account.accountId);
  }

  /** The platform (in its key's mode) the caller acts as; refused for anyone else. */
  platform(): Tenant {
    const { caller } = this;
    if (caller.kind === 'platform')
      return { platformId: caller.platformId, livemode: caller.livemode };
    throw caller.kind === 'anonymous'
      ? unauthenticated()
      : forbidden('This needs a platform API key.');
  }

  /** The account signed in to the dashboard; UNAUTHENTICATED for anyone else. */
  signedInAccount(): SignedInAccount {
    if (this.caller.kind === 'account') return this.caller;
    throw unauthenticated();
  }

  /** The platform and the API key it acts with (a key manages keys); refused for anyone else. */
  apiKey(): Tenant & { keyId: string } {
    const tenant = this.platform();
    return { ...tenant, keyId: (this.caller as Extract<Caller, { kind: 'platform' }>).keyId };
  }

  /**
   * The browser of an opened account link, or null. Such a session may fill in the account's
   * onboarding and nothing else, so every other gate here refuses it.
   */
  onboardingSession(): OnboardingSession | null {
    return this.caller.kind === 'onboarding' ? this.caller : null;
  }

  /**
   * The open account an onboarding session (an opened account link) is for; a dashboard session
   * — perhaps a stolen one — is refused with ONBOARDING_ONLY and `refusal`.
   */
  async onboardingAccount(refusal: string): Promise<OwnedAccount> {
    const session = this.onboardingSession();
    if (this.caller.kind === 'anonymous') throw unauthenticated();
    if (!session) throw new DashError('FORBIDDEN', refusal, { reason: 'ONBOARDING_ONLY' });
    return this.ownership.openAccountOf(session, session.accountId);
  }

  /** The tenant of a signed-in account or a platform key; UNAUTHENTICATED otherwise. */
  tenant(): Tenant {
    const { caller } = this;
    if (caller.kind === 'account' || caller.kind === 'platform')
      return { platformId: caller.platformId, livemode: caller.livemode };
    throw unauthenticated();
  }

  /**
   * Whether the caller may see one account-owned row found by its id alone (an entity another
   * subgraph points at): its own account's row, or one of its platform's accounts', in its mode.
   */
  canSee(row: AccountRef): boolean {
    const { caller } = this;
    if (caller.kind === 'account')
      return caller.accountId === row.accountId && caller.livemode === row.livemode;
    return caller.kind === 'platform' && belongsToTenant(caller, row);
  }
}
