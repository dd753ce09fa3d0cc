import { IsEnum, IsOptional, Min } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeInt } from '@dash/subgraph';
import { RefundReason } from './refund.entity.js';

@InputType({ description: 'All or part of a payment back to the customer.' })
export class RefundInput {
  @Field(() => ID, { description: 'The payment to refund, `ch_…`.' }) charge!: string;

  @Field(() => SafeInt, { nullable: true, description: 'Leave out to refund all that is left.' })
  @IsOptional()
  @Min(1, { message: 'amount must be at least 1' })
  amount?: number;

  @Field(() => RefundReason, { nullable: true, description: 'Why, if you want to say.' })
  @IsOptional()
  @IsEnum(RefundReason)
  reason?: RefundReason;
}
