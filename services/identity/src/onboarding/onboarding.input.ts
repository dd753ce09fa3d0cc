import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'One answer; null or empty clears it.' })
export class OnboardingValueInput {
  @Field({ description: 'The requirement key, such as individual.dob.' })
  @Length(1, 80)
  key!: string;

  @Field(() => String, { nullable: true, description: 'The answer, at most 500 characters.' })
  @IsOptional()
  @Length(0, 500)
  value?: string | null;
}
