export { currencyExponent, EURO_AREA, normalizeCurrency } from './currency.js';
export {
  assertMinorUnits,
  MAX_CHARGE_AMOUNT,
  money,
  parseMajorUnits,
  sumMoney,
  toMajorUnitString,
  type Money,
} from './money.js';
export { formatMoney, type FormatMoneyOptions } from './format.js';
