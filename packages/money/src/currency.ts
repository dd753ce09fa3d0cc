// Minor-unit exponents follow the card networks (and Stripe), not ISO 4217 alone:
// these currencies are charged in whole units or thousandths.
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

const CURRENCY_CODE = /^[a-z]{3}$/;

/** Normalises a currency code to the lowercase form used in storage and the API. */
export function normalizeCurrency(code: string): string {
  const lower = code.trim().toLowerCase();
  if (!CURRENCY_CODE.test(lower)) throw new RangeError(`Not an ISO 4217 currency code: "${code}"`);
  return lower;
}

/** How many digits of the major unit one minor unit is: usd 2, jpy 0, kwd 3. */
export function currencyExponent(currency: string): number {
  const code = normalizeCurrency(currency);
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/** The countries that pay in euros (ISO 3166-1 alpha-2). */
export const EURO_AREA: ReadonlySet<string> = new Set(
  'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' '),
);
