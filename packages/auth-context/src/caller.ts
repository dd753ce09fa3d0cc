/**
 * Who is calling, as established by the gateway. Subgraphs trust nothing else: every query is
 * scoped by this value.
 */
export type Caller =
  | { kind: 'anonymous' }
  /** A connected account signed in to the dashboard. */
  | {
      kind: 'account';
      accountId: string;
      platformId: string;
      livemode: boolean;
      sessionId?: string;
      /**
       * Set for a platform's embedded components (an account session's client secret): the
       * components it may show. The gateway runs only those components' operations for it.
       */
      embedded?: readonly EmbeddedComponent[];
    }
  /**
   * Someone who opened an account link: they may fill in the account's onboarding and nothing
   * else (no balance, no payments), so every resolver that checks for `account` refuses them.
   */
  | {
      kind: 'onboarding';
      accountId: string;
      platformId: string;
      livemode: boolean;
      sessionId: string;
      accountLinkId: string;
    }
  /** A platform (or a partner acting for it) authenticated with an API key. */
  | { kind: 'platform'; platformId: string; livemode: boolean; keyId: string }
  /** One of our own services calling another's internal routes (never tenant data). */
  | { kind: 'service'; service: string };

/**
 * The parts of the dashboard a platform can show inside its own web app, each one
 * micro-frontend mounted as a custom element (`<dash-balances>`, …).
 */
export const EMBEDDED_COMPONENTS = [
  'balances',
  'payments',
  'payouts',
  'notification_banner',
  'account_onboarding',
] as const;

export type EmbeddedComponent = (typeof EMBEDDED_COMPONENTS)[number];

export const ANONYMOUS: Caller = Object.freeze({ kind: 'anonymous' });

/** The header the gateway puts the signed caller in. */
export const CALLER_HEADER = 'x-dash-caller';

/** The end client's address as the gateway saw it, for per-address limits in subgraphs. */
export const CLIENT_IP_HEADER = 'x-dash-client-ip';

/** The end client's user agent as the gateway saw it, for notices about account changes. */
export const USER_AGENT_HEADER = 'x-dash-user-agent';
