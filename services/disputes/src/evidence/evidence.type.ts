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
        ? `A file id (file_…): ${EVIDENCE_DESCRIPTIONS[name]}`
        : EVIDENCE_DESCRIPTIONS[name],
    })(target.prototype, name);
}

/** What each evidence field holds, for the card network (Stripe's meaning of each). */
const EVIDENCE_DESCRIPTIONS: Record<EvidenceField, string> = {
  productDescription: 'What was sold, in words.',
  customerName: 'The customer’s name.',
  customerEmailAddress: 'The customer’s email address.',
  billingAddress: 'The billing address the customer gave.',
  shippingAddress: 'Where the goods were shipped.',
  shippingCarrier: 'Who carried the goods, such as UPS.',
  shippingTrackingNumber: 'The carrier’s tracking number.',
  shippingDate: 'When the goods were shipped.',
  serviceDate: 'When the service was provided.',
  cancellationPolicyDisclosure: 'How the cancellation policy was shown to the customer.',
  cancellationRebuttal: 'Why the customer’s subscription was not canceled.',
  refundPolicyDisclosure: 'How the refund policy was shown to the customer.',
  refundRefusalExplanation: 'Why the customer is not owed a refund.',
  duplicateChargeId: 'The other payment (ch_…), which this one only looks like.',
  duplicateChargeExplanation: 'Why the two payments are not duplicates.',
  uncategorizedText: 'Anything else that helps.',
  receipt: 'the receipt or invoice the customer was sent.',
  shippingDocumentation: 'proof of shipping, such as the label or the carrier’s tracking page.',
  cancellationPolicy: 'the cancellation policy.',
  refundPolicy: 'the refund policy.',
  customerCommunication: 'emails or messages with the customer.',
  uncategorizedFile: 'anything else that helps.',
};

@ObjectType({ description: 'Evidence for a dispute, as saved so far.' })
export class DisputeEvidence {}
withEvidenceFields(DisputeEvidence);

@ObjectType({ description: 'One piece of evidence this dispute’s reason asks for.' })
export class EvidenceFieldInfo {
  @Field(() => String, { description: 'The field’s name in DisputeEvidenceInput.' })
  name!: EvidenceField;
  @Field({ description: 'text, or file (an uploaded file’s id).' }) kind!: string;
  @Field({ description: 'Needed before the evidence can be submitted.' }) required!: boolean;
}
