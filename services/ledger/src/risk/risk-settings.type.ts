import { IsOptional } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'What the ledger watches on the platform’s accounts, and what it asks for, per mode.',
})
export class RiskSettings {
  @Field({ description: 'The mode these settings apply to (the key’s).' })
  livemode!: boolean;

  @Field(() => Int, { description: 'Days the rates and payout failures are counted over.' })
  windowDays!: number;

  @Field(() => Int, {
    description: 'Charges an account needs in a window before its rates or volume can breach.',
  })
  minimumCharges!: number;

  @Field(() => Float, { description: 'Disputes ÷ charges (count or amount) that breach.' })
  disputeRateThreshold!: number;

  @Field(() => Float, { description: 'Refunds ÷ charges (count or amount) that breach.' })
  refundRateThreshold!: number;

  @Field(() => Float, {
    description:
      'Last week’s charged amount ÷ the weekly average of the 13 weeks before that breaches.',
  })
  volumeChangeFactor!: number;

  @Field(() => Int, { description: 'Failed payouts in the window that breach.' })
  payoutFailuresThreshold!: number;

  @Field(() => Int, {
    description: 'Days a balance stays negative before it is recovered from the bank.',
  })
  recoveryDays!: number;

  @Field(() => Int, { description: 'Percent of each payment a rolling reserve holds (1–50).' })
  reservePercent!: number;

  @Field(() => Int, { description: 'Days a rolling reserve holds each payment’s part (1–120).' })
  reserveDays!: number;

  @Field(() => Float, {
    description: 'A dispute rate this many times its threshold also disables charges.',
  })
  severeFactor!: number;

  @Field({ description: 'Whether breaches place interventions on their own.' })
  automaticInterventions!: boolean;
}

@InputType({ description: 'The risk settings to change; leave a field out to keep it.' })
export class RiskSettingsInput {
  @Field(() => Int, { nullable: true, description: '7 to 90.' })
  @IsOptional()
  windowDays?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 100000.' })
  @IsOptional()
  minimumCharges?: number | null;

  @Field(() => Float, { nullable: true, description: '0.0001 to 1.' })
  @IsOptional()
  disputeRateThreshold?: number | null;

  @Field(() => Float, { nullable: true, description: '0.0001 to 1.' })
  @IsOptional()
  refundRateThreshold?: number | null;

  @Field(() => Float, { nullable: true, description: '1.5 to 1000.' })
  @IsOptional()
  volumeChangeFactor?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 100.' })
  @IsOptional()
  payoutFailuresThreshold?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 90.' })
  @IsOptional()
  recoveryDays?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 50.' })
  @IsOptional()
  reservePercent?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 120.' })
  @IsOptional()
  reserveDays?: number | null;

  @Field(() => Float, { nullable: true, description: '1 to 100.' })
  @IsOptional()
  severeFactor?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether breaches place interventions on their own.',
  })
  @IsOptional()
  automaticInterventions?: boolean | null;
}
