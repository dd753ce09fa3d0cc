import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';

/**
 * A platform's secret key. Only a SHA-256 hash of the secret is stored; the secret itself is
 * shown once, when the key is made.
 */
@Entity('api_keys')
@Index('api_keys_platform', ['platformId', 'createdAt'])
@ObjectType({ description: 'A secret API key of the platform (the secret is shown only once).' })
export class ApiKey {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: 'The key’s id, `key_…` (not its secret).' })
  id!: string;

  @Column({ name: 'platform_id', type: 'varchar', length: 40 })
  platformId!: string;

  @Column({ type: 'boolean' })
  @Field({ description: 'Live keys move real money; test keys see only test data.' })
  livemode!: boolean;

  @Column({ name: 'secret_hash', type: 'char', length: 64 })
  secretHash!: string;

  @Column({ type: 'char', length: 4 })
  @Field({ description: 'The last four characters of the secret, to tell keys apart.' })
  last4!: string;

  @Column(datetimeColumn({ name: 'created_at' }))
  @Field({ description: 'When it was issued.' })
  createdAt!: Date;

  /** The key that made this one through the API; null when the operator made it. */
  @Column({ name: 'created_by_key_id', type: 'varchar', length: 40, nullable: true })
  createdByKeyId!: string | null;

  @Column(datetimeColumn({ name: 'revoked_at', nullable: true }))
  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while it works.' })
  revokedAt!: Date | null;
}
