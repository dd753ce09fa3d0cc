import { Column, Entity, Index } from 'typeorm';
import { AccountRecord } from '@dash/subgraph';

/**
 * A file an account (or its platform for it) uploaded to prove an identity, described here;
 * its bytes are in `identity_file_bytes`, written in the same transaction.
 */
@Entity('identity_files')
@Index('identity_files_account_created', ['accountId', 'createdAt'])
export class IdentityFile extends AccountRecord {
  /** What it was uploaded for: Stripe's file purposes; only identity_document here. */
  @Column({ type: 'varchar', length: 30 })
  purpose!: string;

  @Column({ type: 'varchar', length: 200 })
  filename!: string;

  /** Read from the bytes: image/jpeg, image/png or application/pdf. */
  @Column({ name: 'mime_type', type: 'varchar', length: 60 })
  mimeType!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;
}
