import { InputType } from 'type-graphql';
import { withEvidenceFields } from './evidence.type.js';

@InputType({ description: 'Evidence to save: fields left out keep what was saved; "" clears one.' })
export class DisputeEvidenceInput {}
withEvidenceFields(DisputeEvidenceInput);
