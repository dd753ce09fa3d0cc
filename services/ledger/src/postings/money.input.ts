import { Field, InputType } from 'type-graphql';
import { Length } from 'class-validator';
import { MAX_CHARGE_AMOUNT } from '@dash/money';

/** Stripe's ceiling for one charge (shared with transfers and reserve top-ups). */
export const MAX_AMOUNT = MAX_CHARGE_AMOUNT;
export const CURRENCY = /^[A-Za-z]{3}$/;
export const currencyMessage = 'currency must be a three-letter code such as usd';

@InputType({ description: 'A key–value pair to keep with the object (at most 50).' })
export class MetadataInput {
  @Field({ description: '1 to 40 characters.' }) @Length(1, 40) key!: string;
  @Field({ description: 'At most 500 characters.' }) @Length(0, 500) value!: string;
}

export const metadataRecord = (entries: MetadataInput[] | undefined) =>
  entries ? Object.fromEntries(entries.map(({ key, value }) => [key, value])) : undefined;

/** Every money-moving mutation's `idempotencyKey` argument. */
export const idempotencyKeyOptions = {
  description:
    'Any unique string (a UUID): retrying with the same key and parameters returns the first result instead of moving money twice. Kept at least 24 hours.',
};
