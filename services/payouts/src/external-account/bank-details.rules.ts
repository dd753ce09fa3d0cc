import { electronicFormatIBAN, extractIBAN, isValidIBAN } from 'ibantools';
import { DashError } from '@dash/errors';
import { EURO_AREA } from '@dash/money';

/** Other European countries paid by IBAN: their own currency, or euros. */
const IBAN_LOCAL_CURRENCY: Record<string, string> = {
  BG: 'bgn',
  CH: 'chf',
  CZ: 'czk',
  DK: 'dkk',
  GB: 'gbp',
  HU: 'huf',
  LI: 'chf',
  NO: 'nok',
  PL: 'pln',
  RO: 'ron',
  SE: 'sek',
};

/**
 * Countries with domestic numbers instead of an IBAN: the routing number's shape, the account
 * number's, and the currencies a bank there is paid in.
 */
const DOMESTIC: Record<
  string,
  { routing: RegExp; routingName: string; account: RegExp; currencies: string[] }
> = {
  US: {
    routing: /^\d{9}$/,
    routingName: 'ABA routing number',
    account: /^\d{4,17}$/,
    currencies: ['usd'],
  },
  CA: {
    routing: /^\d{5}-?\d{3}$/,
    routingName: 'transit and institution number',
    account: /^\d{7,12}$/,
    currencies: ['cad', 'usd'],
  },
  AU: { routing: /^\d{3}-?\d{3}$/, routingName: 'BSB', account: /^\d{5,9}$/, currencies: ['aud'] },
  JP: {
    routing: /^\d{7}$/,
    routingName: 'bank and branch code',
    account: /^\d{6,8}$/,
    currencies: ['jpy'],
  },
  SG: {
    routing: /^\d{7}$/,
    routingName: 'bank and branch code',
    account: /^\d{6,12}$/,
    currencies: ['sgd'],
  },
  // The UK takes a sort code and account number, or an IBAN.
  GB: {
    routing: /^\d{2}-?\d{2}-?\d{2}$/,
    routingName: 'sort code',
    account: /^\d{8}$/,
    currencies: ['gbp', 'eur'],
  },
};

export interface BankAccountInput {
  country: string;
  currency: string;
  accountHolderName: string;
  routingNumber?: string | undefined;
  /** The account number, or the IBAN where the country uses one. */
  accountNumber: string;
}

/** A bank account that passed its country's checks, reduced to what may be kept or shown. */
export interface ValidBankAccount {
  country: string;
  currency: string;
  holderName: string;
  /** As banks print it; not secret (it names the bank, not the account). */
  routingNumber: string | null;
  last4: string;
  /** The full details, normalized: only for fingerprinting and handing to the payout rail. */
  normalized: { routingNumber: string | null; accountNumber: string };
}

const invalid = (field: string, message: string, reason = 'INVALID_BANK_ACCOUNT') =>
  new DashError('BAD_USER_INPUT', message, { field, reason });

/** The ABA checksum: weights 3, 7, 1 over the nine digits sum to a multiple of ten. */
export function isAbaRoutingNumber(routing: string): boolean {
  if (!/^\d{9}$/.test(routing)) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = [...routing].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return sum % 10 === 0;
}

const currenciesFor = (country: string): string[] | null => {
  // Euro-area countries: an IBAN, paid in euros.
  if (EURO_AREA.has(country)) return ['eur'];
  if (IBAN_LOCAL_CURRENCY[country]) return [IBAN_LOCAL_CURRENCY[country]!, 'eur'];
  return DOMESTIC[country]?.currencies ?? null;
};

function validIban(
  country: string,
  value: string,
): ValidBankAccount['normalized'] & { bankCode: string | null } {
  const iban = electronicFormatIBAN(value) ?? '';
  if (!isValidIBAN(iban))
    throw invalid('accountNumber', 'That IBAN is not valid: check the letters and digits.');
  const parts = extractIBAN(iban);
  if (parts.countryCode !== country)
    throw invalid('accountNumber', `That IBAN is from ${parts.countryCode}, not ${country}.`);
  return { routingNumber: null, accountNumber: iban, bankCode: parts.bankIdentifier ?? null };
}

/**
 * Checks a bank account the way its country's banks would before a payout is sent: an IBAN's
 * checksum, a US routing number's ABA checksum, each number's shape — and that the currency is
 * one a bank there is paid in. Refusals name the field.
 */
export function validateBankAccount(input: BankAccountInput): ValidBankAccount {
  const country = input.country.trim().toUpperCase();
  const currency = input.currency.trim().toLowerCase();
  const holderName = input.accountHolderName.trim();
  const currencies = currenciesFor(country);
  if (!currencies)
    throw invalid(
      'country',
      `Payouts to bank accounts in ${country} are not supported yet.`,
      'COUNTRY_NOT_SUPPORTED',
    );
  if (!currencies.includes(currency))
    throw invalid(
      'currency',
      `Bank accounts in ${country} are paid in ${currencies.map((c) => c.toUpperCase()).join(' or ')}.`,
    );
  if (holderName.length < 2 || holderName.length > 120)
    throw invalid('accountHolderName', 'Enter the name on the bank account.');
  const accountNumber = input.accountNumber.replace(/[\s]/g, '');
  const domestic = DOMESTIC[country];
  const looksLikeIban = /^[A-Za-z]{2}\d{2}/.test(accountNumber);
  if (!domestic || (looksLikeIban && country === 'GB')) {
    const iban = validIban(country, accountNumber);
    return {
      country,
      currency,
      holderName,
      routingNumber: iban.bankCode,
      last4: iban.accountNumber.slice(-4),
      normalized: { routingNumber: null, accountNumber: iban.accountNumber },
    };
  }
  const routing = (input.routingNumber ?? '').trim();
  if (!domestic.routing.test(routing))
    throw invalid('routingNumber', `Enter the ${domestic.routingName}.`);
  if (country === 'US' && !isAbaRoutingNumber(routing))
    throw invalid('routingNumber', 'That routing number is not valid: check the nine digits.');
  if (!domestic.account.test(accountNumber))
    throw invalid('accountNumber', 'That account number is not valid for this country.');
  const digits = routing.replace(/-/g, '');
  return {
    country,
    currency,
    holderName,
    routingNumber: routing,
    last4: accountNumber.slice(-4),
    normalized: { routingNumber: digits, accountNumber },
  };
}
