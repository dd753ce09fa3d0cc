import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

/** `first: Int = 10` on every list, bounded so no one query reads a whole table. */
@ArgsType()
export class FirstArgs {
  @Field(() => Int, { defaultValue: 10, description: 'How many items, 1 to 100.' })
  @Min(1)
  @Max(100)
  first!: number;
}
