import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';

/** A connected account: the person or business that signs in to the dashboard. */
@Entity('accounts')
@Index('accounts_platform', ['platformId', 'createdAt'])
@ObjectType()
@Directive('@key(fields: "id")')
export class Account {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'platform_id', type: 'varchar', length: 40 })
  platformId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  @Field()
  displayName!: string;

  @Column({ type: 'varchar', length: 254 })
  @Field()
  email!: string;

  /** ISO 3166-1 alpha-2, e.g. US. */
  @Column({ type: 'char', length: 2 })
  @Field()
  country!: string;

  /** Lowercase ISO 4217, e.g. usd. */
  @Column({ name: 'default_currency', type: 'char', length: 3 })
  @Field()
  defaultCurrency!: string;

  @Column({ type: 'boolean' })
  @Field()
  livemode!: boolean;

  @Column(datetimeColumn({ name: 'created_at' }))
  @Field()
  createdAt!: Date;
}
