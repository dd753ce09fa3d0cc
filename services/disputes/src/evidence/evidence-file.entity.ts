import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AccountRecord } from '@dash/subgraph';

/** A file an account uploaded as evidence: kept in file storage, described here. */
@Entity('dispute_files')
@ObjectType({ description: 'An uploaded evidence file (receipt, shipping proof, policy).' })
export class DisputeFile extends AccountRecord {
  @Field(() => ID, { description: 'The file’s id, `file_…`: name it in the evidence.' })
  override id!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: 'The name it was uploaded with.' })
  filename!: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 60 })
  @Field({ description: 'application/pdf, image/png or image/jpeg.' })
  mimeType!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'In bytes.' })
  size!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey!: string;
}
