import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { PayoutIntervalEnum, WeekdayEnum } from './payout-schedule.type.js';
import type { PayoutInterval, Weekday } from './schedule.rules.js';

@InputType({ description: 'What to change; what is left out stays as it is.' })
export class PayoutScheduleInput {
  @Field(() => PayoutIntervalEnum, { nullable: true, description: 'How often to pay out.' })
  @IsOptional()
  interval?: PayoutInterval;

  @Field(() => Int, {
    nullable: true,
    description: 'Days a payment waits before an automatic payout takes it, 0 to 31.',
  })
  @IsOptional()
  @Min(0)
  @Max(31)
  delayDays?: number;

  @Field(() => WeekdayEnum, { nullable: true, description: 'For weekly: the day to pay out.' })
  @IsOptional()
  weeklyAnchor?: Weekday;

  @Field(() => Int, {
    nullable: true,
    description: 'For monthly: the day of the month, 1–31 (the last day in shorter months).',
  })
  @IsOptional()
  monthlyAnchor?: number;

  @Field({ nullable: true, description: 'Whose calendar the days are: an IANA time zone.' })
  @IsOptional()
  @Length(1, 64)
  timeZone?: string;
}
