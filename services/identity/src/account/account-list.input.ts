import { IsEmail, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CreatedRangeFilter } from '@dash/subgraph';

@InputType({ description: 'Narrows the accounts list; every part is optional, and all apply.' })
export class AccountFilterInput extends CreatedRangeFilter {
  @Field({
    nullable: true,
    description: 'Only the accounts with this email (exact, whatever its letter case).',
  })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only accounts that can (true) or cannot (false) be paid out now.',
  })
  @IsOptional()
  payoutsEnabled?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only accounts with something past due (true: `requirements.pastDue` is not empty), or with nothing past due (false).',
  })
  @IsOptional()
  requirementsPastDue?: boolean;
}
