import type { DisputeSeedRow } from '@dash/disputes';
import { ExternalAccountKind, WEEKDAYS, type PayoutSeedRow, type PayoutsSeed } from '@dash/payouts';
import { isVerifiable } from '@dash/identity';

/**
 * The demo platform the local stack seeds: one platform, a connected account with three months
 * of history, and a second account to show that tenants stay apart. Ids are fixed so a restart
 * updates the same rows; times are relative to now so the dashboard always looks current.
 */
export const DEMO_PLATFORM = {
  id: 'plat_0Demo0000000000000RocketRd',
  name: 'Rocket Rides',
  brandColor: '#5b4cf0',
  branding: {
    icon: `data:image/svg+xml,${encodeURIComponent(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#5b4cf0"/><path d="M16 4c4.5 3.4 6.5 8.6 6 14l-3 3h-6l-3-3c-.5-5.4 1.5-10.6 6-14z" fill="#fff"/><circle cx="16" cy="13" r="2.2" fill="#5b4cf0"/><path d="M12.5 21.5 11 27l3.5-2.5zM19.5 21.5 21 27l-3.5-2.5z" fill="#fff"/></svg>',
    )}`,
    supportEmail: 'support@rocketrides.example',
    supportPhone: '+14155550123',
    supportUrl: 'https://rocketrides.example/help',
  },
};
/**
 * The demo platform's test-mode secret key. Published on purpose so a newcomer can call the API
 * at once; it only exists in databases the local stack seeds, and only in test mode.
 */
export const DEMO_TEST_KEY = {
  id: 'key_0Demo000000000000TestKey1',
  livemode: false,
  secret: 'sk_test_DemoKeyForLocalDevelopmentOnly00',
};
/**
 * The demo platform's webhook endpoint, taking every event type, pointed at the receiver
 * `npm start` runs (which prints what arrives). Its secret is published like the key's.
 */
export const DEMO_WEBHOOK = {
  id: 'we_0Demo00000000000000Receiver',
  secret: 'whsec_RGVtb1dlYmhvb2tTZWNyZXRGb3JMb2NhbE9ubHk=',
  port: 4010,
};
/**
 * What a demo account answered in onboarding, in test mode: the id number is the documented
 * one that verifies, so both accounts start with charges and payouts on.
 */
function onboarded(answers: Record<string, string>, url: string) {
  const verified = { status: 'verified' as const };
  return {
    businessType: 'individual' as const,
    businessProfile: {
      name: null,
      url,
      supportEmail: null,
      supportPhone: null,
      supportAddress: null,
    },
    onboardingDetails: answers,
    tosAcceptance: { date: '2026-01-05T10:00:00.000Z', ip: '127.0.0.1', userAgent: 'demo seed' },
    verification: Object.fromEntries(
      Object.keys(answers)
        .filter(isVerifiable)
        .map((key) => [key, verified]),
    ),
    externalAccountProvided: true,
  };
}

/**
 * A US individual's test-mode answers apart from name and email: the id number is the
 * documented one that verifies.
 */
export const US_TEST_PERSON = {
  'individual.phone': '+14155550142',
  'individual.dob': '1990-04-12',
  'individual.address.line1': '510 Townsend St',
  'individual.address.city': 'San Francisco',
  'individual.address.state': 'CA',
  'individual.address.postal_code': '94103',
  'individual.id_number': '000000000',
};

export const DEMO_ACCOUNT = {
  id: 'acct_0Demo00000000000000JennyRo',
  displayName: 'Jenny Rosen',
  email: 'jenny.rosen@example.com',
  country: 'US',
  defaultCurrency: 'usd',
  livemode: false,
  ...onboarded(
    {
      'individual.first_name': 'Jenny',
      'individual.last_name': 'Rosen',
      'individual.email': 'jenny.rosen@example.com',
      ...US_TEST_PERSON,
    },
    'https://rocketrides.example/jenny',
  ),
};
/** An account its owner has not onboarded yet: `npm start` prints a link into its onboarding. */
export const NEW_ACCOUNT = {
  id: 'acct_0Demo00000000000000NewAcct',
  displayName: 'Alex New',
  email: 'alex.new@example.com',
  country: 'US',
  defaultCurrency: 'usd',
  livemode: false,
};
export const OTHER_ACCOUNT = {
  id: 'acct_0Demo00000000000000OtherAc',
  displayName: 'Sam Other',
  email: 'sam.other@example.com',
  country: 'JP',
  defaultCurrency: 'jpy',
  livemode: false,
  ...onboarded(
    {
      'individual.first_name_kana': 'サム',
      'individual.last_name_kana': 'アザー',
      'individual.first_name_kanji': '佐夢',
      'individual.last_name_kanji': '阿座',
      'individual.email': 'sam.other@example.com',
      'individual.phone': '+81312345678',
      'individual.dob': '1985-09-30',
      'individual.address.line1': '1-1 Chiyoda',
      'individual.address.city': 'Chiyoda-ku',
      'individual.address.state': 'Tokyo',
      'individual.address.postal_code': '100-0001',
    },
    'https://rocketrides.example/sam',
  ),
};

/**
 * The demo account's bank account (US test routing and account numbers) and debit card (a test
 * Visa debit), as the payouts service keeps them: masked, with the simulated bank's token.
 */
const DEMO_BANK_ACCOUNT = {
  id: 'ba_0Demo000000000000000000001',
  kind: ExternalAccountKind.bank_account,
  bankName: 'Simulated Bank',
  brand: null,
  last4: '6789',
};
const DEMO_DEBIT_CARD = {
  id: 'card_0Demo00000000000000000001',
  kind: ExternalAccountKind.card,
  bankName: null,
  brand: 'visa',
  last4: '5556',
};

const DAY = 24 * 3600 * 1000;
const demoId = (prefix: string, n: number) => `${prefix}_0Demo${String(n).padStart(19, '0')}`;

/** A small deterministic generator, so every seed produces the same amounts. */
function* amounts(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    yield 800 + (state % 6_200); // $8.00 – $70.00 rides
  }
}

export interface DemoData {
  now: Date;
  platform: typeof DEMO_PLATFORM;
  accounts: Array<typeof DEMO_ACCOUNT>;
  charges: Array<{
    id: string;
    accountId: string;
    amount: number;
    currency: string;
    description: string;
    customerName: string;
    customerEmail: string;
    createdAt: Date;
  }>;
  payouts: PayoutSeedRow[];
  externalAccounts: PayoutsSeed['externalAccounts'];
  schedules: PayoutsSeed['schedules'];
  disputes: DisputeSeedRow[];
  activity: Array<{
    id: string;
    accountId: string;
    platformId: string;
    kind: string;
    title: string;
    body: string;
    readAt: Date | null;
    subjectType: 'payout' | 'dispute' | null;
    subjectId: string | null;
    createdAt: Date;
  }>;
}

/**
 * Rides paid over the last 90 days (settling two days later) and a weekly payout of whatever
 * had settled, written to both the ledger (a debit) and the payouts service, as events would.
 */
export function buildDemoData(now = new Date()): DemoData {
  const charges: DemoData['charges'] = [];
  const payouts: DemoData['payouts'] = [];
  const rides = amounts(42);
  const riders = ['Ana Lima', 'Ben Okafor', 'Chloé Martin', 'Dev Patel', 'Emi Sato'];
  // What a payout pays: the net of every ride settled (two days after it) since the last one.
  const netOf = (amount: number) => amount - (Math.round(amount * 0.029) + 30);
  let paidUpTo = 0;
  for (let daysAgo = 90; daysAgo >= 0; daysAgo -= 1) {
    const dayStart = now.getTime() - daysAgo * DAY;
    if (daysAgo % 7 === 0 && daysAgo < 90) {
      const settledBy = dayStart - 2 * DAY;
      const settledUnpaid = charges
        .filter((charge) => {
          const at = charge.createdAt.getTime();
          return charge.accountId === DEMO_ACCOUNT.id && at > paidUpTo && at <= settledBy;
        })
        .reduce((total, charge) => total + netOf(charge.amount), 0);
      paidUpTo = settledBy;
      if (settledUnpaid > 0) {
        const arrivalDate = new Date(dayStart + 2 * DAY);
        payouts.push({
          id: demoId('po', payouts.length + 1),
          accountId: DEMO_ACCOUNT.id,
          platformId: DEMO_PLATFORM.id,
          amount: settledUnpaid,
          fee: 0,
          currency: 'usd',
          status: arrivalDate <= now ? 'paid' : 'in_transit',
          method: 'standard',
          automatic: true,
          requestedBy: 'schedule',
          arrivalDate,
          destination: {
            ...DEMO_BANK_ACCOUNT,
            token: 'sim_ok_demo',
          } as PayoutSeedRow['destination'],
          description: 'Payout to Simulated Bank •••• 6789',
          balanceTransactionId: null,
          failureCode: null,
          failureMessage: null,
          railReference: 'sim_demo',
          updatedAt: new Date(dayStart),
          returnedAt: null,
          createdAt: new Date(dayStart),
        });
      }
    }
    for (let ride = 0; ride < 3; ride += 1) {
      const number = charges.length + 1;
      const rider = riders[number % riders.length]!;
      charges.push({
        id: demoId('ch', number),
        accountId: DEMO_ACCOUNT.id,
        amount: rides.next().value as number,
        currency: 'usd',
        description: `Ride #${1000 + number}`,
        customerName: rider,
        customerEmail: `${rider
          .split(' ')[0]!
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]/g, '')}@example.com`,
        createdAt: new Date(now.getTime() - daysAgo * DAY - ride * 3 * 3600 * 1000),
      });
    }
  }
  charges.push({
    id: demoId('ch', charges.length + 1),
    accountId: OTHER_ACCOUNT.id,
    amount: 48_000,
    currency: 'jpy',
    description: 'Airport transfer',
    customerName: 'Kenji Ito',
    customerEmail: 'kenji@example.com',
    createdAt: new Date(now.getTime() - 3 * DAY),
  });
  const scope = { accountId: DEMO_ACCOUNT.id, platformId: DEMO_PLATFORM.id };
  // A dispute is for (at most) what its payment was: the ledger refuses more, every time the
  // withdrawal is tried.
  const amountOf = (chargeId: string) => charges.find((charge) => charge.id === chargeId)!.amount;
  const disputes: DemoData['disputes'] = [
    {
      id: demoId('dp', 1),
      ...scope,
      chargeId: demoId('ch', 7),
      amount: amountOf(demoId('ch', 7)),
      currency: 'usd',
      fee: 1_500,
      reason: 'product_not_received',
      status: 'needs_response',
      evidenceDueBy: new Date(now.getTime() + 6 * DAY),
      createdAt: new Date(now.getTime() - DAY),
    },
    {
      id: demoId('dp', 2),
      ...scope,
      chargeId: demoId('ch', 3),
      amount: amountOf(demoId('ch', 3)),
      currency: 'usd',
      fee: 0,
      reason: 'fraudulent',
      status: 'won',
      evidenceDueBy: null,
      closedAt: new Date(now.getTime() - 30 * DAY),
      createdAt: new Date(now.getTime() - 40 * DAY),
    },
  ];
  const lastPayout = payouts[payouts.length - 1]!;
  const activity: DemoData['activity'] = [
    {
      id: demoId('act', 1),
      ...scope,
      kind: 'dispute.created',
      title: 'A payment was disputed',
      body: 'Respond within 6 days to keep the money.',
      readAt: null,
      subjectType: 'dispute',
      subjectId: disputes[0]!.id,
      createdAt: disputes[0]!.createdAt,
    },
    {
      id: demoId('act', 2),
      ...scope,
      kind: 'payout.created',
      title: 'A payout is on its way',
      body: `Expected ${lastPayout.arrivalDate.toISOString().slice(0, 10)}.`,
      readAt: null,
      subjectType: 'payout',
      subjectId: lastPayout.id,
      createdAt: lastPayout.createdAt,
    },
    {
      id: demoId('act', 3),
      ...scope,
      kind: 'dispute.closed',
      title: 'You won a dispute',
      body: 'The money has been returned to your balance.',
      readAt: now,
      subjectType: 'dispute',
      subjectId: disputes[1]!.id,
      createdAt: disputes[1]!.createdAt,
    },
  ];
  const accountRow = { accountId: DEMO_ACCOUNT.id, platformId: DEMO_PLATFORM.id, livemode: false };
  const externalAccounts: DemoData['externalAccounts'] = [
    {
      ...DEMO_BANK_ACCOUNT,
      ...accountRow,
      country: 'US',
      currency: 'usd',
      accountHolderName: DEMO_ACCOUNT.displayName,
      routingNumber: '110000000',
      expMonth: null,
      expYear: null,
      fingerprint: 'demo-bank-account',
      railToken: 'sim_ok_demo',
      defaultFor: 'usd',
      status: 'new',
      createdAt: new Date(now.getTime() - 91 * DAY),
    } as DemoData['externalAccounts'][number],
    {
      ...DEMO_DEBIT_CARD,
      ...accountRow,
      country: 'US',
      currency: 'usd',
      accountHolderName: null,
      routingNumber: null,
      expMonth: 12,
      expYear: now.getUTCFullYear() + 3,
      fingerprint: 'demo-debit-card',
      railToken: 'sim_ok_democard',
      defaultFor: null,
      status: 'new',
      createdAt: new Date(now.getTime() - 30 * DAY),
    } as DemoData['externalAccounts'][number],
  ];
  // Weekly, on the day the history's payouts fell.
  const schedules: DemoData['schedules'] = [
    {
      ...accountRow,
      interval: 'weekly',
      delayDays: 2,
      weeklyAnchor: WEEKDAYS[now.getUTCDay()]!,
      monthlyAnchor: null,
      timeZone: 'UTC',
      updatedAt: new Date(now.getTime() - 91 * DAY),
    },
  ];
  return {
    now,
    platform: DEMO_PLATFORM,
    accounts: [DEMO_ACCOUNT, OTHER_ACCOUNT],
    charges,
    payouts,
    externalAccounts,
    schedules,
    disputes,
    activity,
  };
}
