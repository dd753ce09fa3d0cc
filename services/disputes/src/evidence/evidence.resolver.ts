import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { DisputesContext } from '../context.js';
import { Dispute } from '../dispute/dispute.entity.js';
import { DisputeFile } from './evidence-file.entity.js';
import { DisputeEvidenceInput } from './evidence.input.js';
import { evidenceFieldsFor, type Evidence } from './evidence.rules.js';
import { DisputeEvidence, EvidenceFieldInfo } from './evidence.type.js';
import { responder } from './responder.service.js';

const evidenceOf = (input: DisputeEvidenceInput): Evidence =>
  Object.fromEntries(
    Object.entries(input).filter(([, value]) => typeof value === 'string'),
  ) as Evidence;

/**
 * A dispute's evidence, what its reason asks for and its files; and the answer to a dispute:
 * evidence saved, submitted, or the dispute accepted.
 */
@Resolver(() => Dispute)
export class EvidenceResolver {
  @FieldResolver(() => DisputeEvidence, {
    description: 'The evidence saved so far; submitted once evidenceSubmittedAt is set.',
  })
  evidence(@Root() dispute: Dispute): DisputeEvidence {
    return Object.assign(new DisputeEvidence(), dispute.evidence ?? {});
  }

  @FieldResolver(() => [EvidenceFieldInfo], { description: 'Required first.' })
  evidenceFields(@Root() dispute: Dispute): EvidenceFieldInfo[] {
    return evidenceFieldsFor(dispute.reason);
  }

  @FieldResolver(() => [DisputeFile], { description: 'The files the evidence refers to.' })
  evidenceFiles(
    @Root() dispute: Dispute,
    @Ctx() { files }: DisputesContext,
  ): Promise<DisputeFile[]> {
    return files.namedBy(dispute);
  }

  @Mutation(() => Dispute, { description: 'Saves evidence as a draft, until it is submitted.' })
  async saveDisputeEvidence(
    @Arg('dispute', () => ID, { description: 'The dispute, `dp_…`.' }) id: string,
    @Arg('evidence', () => DisputeEvidenceInput, { description: 'The fields to save.' })
    evidence: DisputeEvidenceInput,
    @Ctx() { access, lifecycle }: DisputesContext,
  ): Promise<Dispute> {
    return lifecycle.saveEvidence(await responder(access), id, evidenceOf(evidence));
  }

  @Mutation(() => Dispute, {
    description: 'Submits the saved evidence to the card network, once, before the due date.',
  })
  async submitDisputeEvidence(
    @Arg('dispute', () => ID, { description: 'The dispute, `dp_…`.' }) id: string,
    @Ctx() { access, lifecycle }: DisputesContext,
  ): Promise<Dispute> {
    return lifecycle.submitEvidence(await responder(access), id);
  }

  @Mutation(() => Dispute, { description: 'Accepts the dispute: it is lost and closes.' })
  async acceptDispute(
    @Arg('dispute', () => ID, { description: 'The dispute, `dp_…`.' }) id: string,
    @Ctx() { access, lifecycle }: DisputesContext,
  ): Promise<Dispute> {
    return lifecycle.accept(await responder(access), id);
  }
}
