import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The identity service's Account, extended here with its money. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Account {
  @Field(() => ID)
  id!: string;
}
