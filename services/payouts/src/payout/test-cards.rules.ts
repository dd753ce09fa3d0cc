/** How a card is funded, as its issuer says: only debit cards can be paid out to. */
export type CardFunding = 'debit' | 'credit' | 'prepaid' | 'unknown';

/**
 * Stripe's test card numbers and how each is funded, as Stripe's testing page lists them. The
 * simulated rail knows these, as a real rail learns a card's funding from its network's BIN
 * tables when it tokenizes the card; like Stripe's test mode, it vouches for no other number.
 */
const TEST_CARD_FUNDING: Readonly<Record<string, CardFunding>> = {
  '4242424242424242': 'credit',
  '4012888888881881': 'credit',
  '4000056655665556': 'debit',
  '5555555555554444': 'credit',
  '2223003122003222': 'credit',
  '5200828282828210': 'debit',
  '5105105105105100': 'prepaid',
};

/** A test card's funding; `unknown` for any number that is not one of the test cards. */
export const testCardFunding = (number: string): CardFunding =>
  TEST_CARD_FUNDING[number] ?? 'unknown';
