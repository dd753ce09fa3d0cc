import { IsOptional } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { RiskSignalKind as RiskSignalKindName } from '@dash/events';
import { PageInfo } from '@dash/subgraph';
import { Account } from '../account/account.type.js';

export const RiskSignalKindEnum: { [Kind in RiskSignalKindName]: Kind } = {
  dispute_rate: 'dispute_rate',
  refund_rate: 'refund_rate',
  negative_balance: 'negative_balance',
  volume_change: 'volume_change',
  payout_failures: 'payout_failures',
};
registerEnumType(RiskSignalKindEnum, {
  name: 'RiskSignalKind',
  description: 'What the ledger watches on an account.',
  valuesConfig: {
    dispute_rate: { description: 'Disputes ÷ charges in the window (count and amount).' },
    refund_rate: { description: 'Refunds ÷ charges in the window (count and amount).' },
    negative_balance: {
      description: 'The largest negative available balance (amount) and how long (age_days).',
    },
    volume_change: {
      description: 'Last week’s charged amount ÷ the weekly average of the 13 weeks before.',
    },
    payout_failures: { description: 'Payouts the bank returned in the window.' },
  },
});

@ObjectType({ description: 'A signal’s value at one moment it changed.' })
export class RiskSignalPoint {
  @Field({ description: 'When it took this value.' }) at!: Date;
  @Field(() => Float, { description: 'The value it took.' }) value!: number;
  @Field({ description: 'Whether that value was over its threshold.' }) breached!: boolean;
}

@ObjectType({ description: 'One risk signal of an account, as the ledger last computed it.' })
export class RiskSignal {
  /** Whose signal (for its history); not a field. */
  accountId!: string;
  livemode!: boolean;

  @Field(() => RiskSignalKindEnum, { description: 'What is watched.' }) kind!: RiskSignalKindName;

  @Field({
    description:
      'count or amount (the rates), amount or age_days (negative balance), factor, count.',
  })
  measure!: string;

  @Field(() => Int, { description: 'The days it is computed over (0: a balance now).' })
  windowDays!: number;

  @Field(() => Float, {
    description: 'A rate (0–1), a factor, a count, days, or minor units owed (the largest).',
  })
  value!: number;

  @Field(() => Float, { description: 'The value at which it breaches (the platform’s settings).' })
  threshold!: number;

  @Field({ description: 'Whether the value is at or over its threshold now.' }) breached!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the current breach began.' })
  breachedSince!: Date | null;

  @Field({ description: 'When the ledger last computed it.' }) computedAt!: Date;
}

@ObjectType({ description: 'An account and its risk signals.' })
export class AccountAtRisk {
  @Field(() => Account, { description: 'The account.' }) account!: Account;
  @Field(() => [RiskSignal], { description: 'Every signal of the account, as it is now.' })
  signals!: RiskSignal[];
}

@ObjectType({ description: 'A page of accounts with their risk signals, by account id.' })
export class AccountAtRiskPage {
  @Field(() => [AccountAtRisk], { description: 'The accounts of this page.' })
  nodes!: AccountAtRisk[];
  @Field(() => PageInfo, { description: 'Where the next page starts.' }) pageInfo!: PageInfo;
}

@InputType({ description: 'Which accounts to list; both parts apply together.' })
export class AccountsAtRiskFilter {
  @Field(() => RiskSignalKindEnum, {
    nullable: true,
    description: 'Only accounts with this signal in the breach state asked for.',
  })
  @IsOptional()
  signal?: RiskSignalKindName;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Breached (the default) or not breached.',
  })
  @IsOptional()
  breached?: boolean | null;
}
