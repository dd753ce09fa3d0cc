import { Field, ObjectType } from 'type-graphql';
import { FILE_EVIDENCE, TEXT_EVIDENCE, type EvidenceField } from './evidence.rules.js';

/**
 * The evidence fields as GraphQL: every one an optional string (text, or a file's id), declared
 * from the one list in evidence.rules.ts so the schema cannot drift from the rules.
 */
export function withEvidenceFields(target: { prototype: object }): void {
  for (const name of [...TEXT_EVIDENCE, ...FILE_EVIDENCE])
    Field(() => String, {
      nullable: true,
      description: (FILE_EVIDENCE as readonly string[]).includes(name)
        ? 'A file id (file_…).'
        : undefined,
    })(target.prototype, name);
}

@ObjectType({ description: 'Evidence for a dispute, as saved so far.' })
export class DisputeEvidence {}
withEvidenceFields(DisputeEvidence);

@ObjectType({ description: 'One piece of evidence this dispute’s reason asks for.' })
export class EvidenceFieldInfo {
  @Field(() => String) name!: EvidenceField;
  @Field({ description: 'text, or file (an uploaded file’s id).' }) kind!: string;
  @Field({ description: 'Needed before the evidence can be submitted.' }) required!: boolean;
}
