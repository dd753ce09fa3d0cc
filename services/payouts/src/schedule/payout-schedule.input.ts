import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { PayoutIntervalEnum, WeekdayEnum } from './payout-schedule.type.js';
import type { PayoutInterval, Weekday } from './schedule.rules.js';

@InputType({ description: 'What to change; what is left out stays as it is.' })
export class PayoutScheduleInput {
  @Field(() => PayoutIntervalEnum, { nullable: true }) @IsOptional() interval?: PayoutInterval;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(31) delayDays?: number;
  @Field(() => WeekdayEnum, { nullable: true }) @IsOptional() weeklyAnchor?: Weekday;
  @Field(() => Int, { nullable: true }) @IsOptional() monthlyAnchor?: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, 64) timeZone?: string;
}
