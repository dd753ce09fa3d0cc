import { In } from 'typeorm';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { evidenceFieldsFor, FILE_EVIDENCE } from '../domain/evidence.js';
import { Dispute } from '../entities/dispute.entity.js';
import { DisputeFile } from '../entities/dispute-file.entity.js';
import {
  DisputeEvidence,
  DisputeTimelineEntry,
  EvidenceFieldInfo,
} from '../entities/dispute-views.type.js';
import type { DisputesContext } from '../context.js';

/** A dispute's evidence, what its reason asks for, its files and its story so far. */
@Resolver(() => Dispute)
export class DisputeResolver {
  @FieldResolver(() => DisputeEvidence)
  evidence(@Root() dispute: Dispute): DisputeEvidence {
    return Object.assign(new DisputeEvidence(), dispute.evidence ?? {});
  }

  @FieldResolver(() => [EvidenceFieldInfo], { description: 'Required first.' })
  evidenceFields(@Root() dispute: Dispute): EvidenceFieldInfo[] {
    return evidenceFieldsFor(dispute.reason);
  }

  @FieldResolver(() => [DisputeFile], { description: 'The files the evidence refers to.' })
  async evidenceFiles(
    @Root() dispute: Dispute,
    @Ctx() { dataSource }: DisputesContext,
  ): Promise<DisputeFile[]> {
    const ids = FILE_EVIDENCE.map((field) => dispute.evidence?.[field]).filter(Boolean) as string[];
    if (!ids.length) return [];
    return dataSource
      .getRepository(DisputeFile)
      .findBy({ id: In(ids), accountId: dispute.accountId });
  }

  @FieldResolver(() => [DisputeTimelineEntry], { description: 'Oldest first.' })
  timeline(@Root() dispute: Dispute): DisputeTimelineEntry[] {
    const closing =
      dispute.status === 'won' || dispute.status === 'lost' ? dispute.status : 'closed';
    return (
      [
        ['opened', dispute.createdAt],
        ['funds_withdrawn', dispute.withdrawnAt],
        ['evidence_submitted', dispute.evidenceSubmittedAt],
        [closing, dispute.closedAt],
        ['funds_reinstated', dispute.reinstatedAt],
      ] as Array<[string, Date | null]>
    )
      .filter((entry): entry is [string, Date] => entry[1] !== null)
      .map(([type, at]) => ({ type, at }));
  }
}
