import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The payouts subgraph's Payout, pointed at by id; the gateway asks payouts for the rest. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Payout {
  @Field(() => ID) id!: string;
}

/** The disputes subgraph's Dispute, pointed at by id. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Dispute {
  @Field(() => ID) id!: string;
}
