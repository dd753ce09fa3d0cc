import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerService } from '@dash/ledger';
import { createLogger } from '@dash/logger';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { payoutsService } from '../src/index.js';
import { callAs, knownAccounts, platformA, US_BANK, VISA_DEBIT } from './support.js';

/** Every line the payouts service logs, at every level. */
const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

let ledger: TestService;
let payouts: TestService;

beforeAll(async () => {
  ledger = await startTestService(ledgerService);
  payouts = await startTestService(
    payoutsService,
    { DASH_LEDGER_URL: ledger.url, DASH_PAYOUT_TICK_MS: '3600000' },
    { log: createLogger('payouts', 'trace', capture) },
  );
});
afterAll(async () => {
  await payouts?.close();
  await ledger?.close();
});

const ADD = `mutation($account: ID!, $bank: BankAccountInput, $card: DebitCardInput) {
  createExternalAccount(account: $account, bankAccount: $bank, card: $card) { id last4 }
}`;

describe('payouts logs', () => {
  it('never hold bank or card details, whatever the bank account change does', async () => {
    const accountId = 'acct_logged_bank';
    await knownAccounts([ledger, payouts], [accountId]);
    const banks = [
      US_BANK,
      { ...US_BANK, accountNumber: '000987654321', routingNumber: '110000000' },
      // Refused: a routing number that fails its checksum, and an IBAN in a US account.
      { ...US_BANK, accountNumber: '000555555555', routingNumber: '110000001' },
      { ...US_BANK, accountNumber: 'DE89370400440532013000' },
    ];
    // At once, as a double-clicking browser would: the races are what log unusual errors.
    const answers = await Promise.all([
      ...banks.map((bank) => callAs(payouts, platformA, ADD, { account: accountId, bank })),
      callAs(payouts, platformA, ADD, { account: accountId, bank: US_BANK }),
      callAs(payouts, platformA, ADD, { account: accountId, card: VISA_DEBIT }),
      callAs(payouts, platformA, ADD, {
        account: accountId,
        card: { ...VISA_DEBIT, number: '4000 0566 5566 5556' },
      }),
    ]);
    expect(answers.some((answer) => !answer.errors)).toBe(true);
    expect(answers.some((answer) => answer.errors)).toBe(true);

    const secrets = [...banks.map((bank) => bank.accountNumber), VISA_DEBIT.number, 'Ada Lovelace'];
    for (const line of lines) for (const secret of secrets) expect(line).not.toContain(secret);
  });
});
