import { Field, ObjectType } from 'type-graphql';
import { SafeInt } from '@dash/subgraph';
import { PayoutDestination } from '../payout/payout.entity.js';

@ObjectType({
  description:
    "The next automatic payout of one currency, as it stands now: its day, what it is expected to pay out and when that should be in the bank. Worked out by the payout's own rules; what arrives or is refunded meanwhile changes it.",
})
export class PayoutForecast {
  @Field({ description: 'Lowercase ISO 4217 code.' }) currency!: string;

  @Field(() => SafeInt, {
    description:
      'What it is expected to pay out, in minor units: the available balance by then (available now, and pending money available by then), within the rolling delay.',
  })
  amount!: number;

  @Field({ description: "The day it is made (yyyy-mm-dd, in the schedule's time zone)." })
  payoutDate!: string;

  @Field({
    description:
      "When it is expected in the bank: business days after its day, skipping weekends and the bank's country's holidays.",
  })
  arrivalDate!: Date;

  @Field(() => PayoutDestination, { description: 'The default bank account or card it goes to.' })
  destination!: PayoutDestination;
}
