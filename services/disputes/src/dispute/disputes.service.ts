import type { DataSource } from 'typeorm';
import { fromReplica } from '@dash/db';
import type { AccountRef } from '@dash/contracts';
import {
  AccountRecords,
  afterKeyset,
  badInput,
  decodePosition,
  encodePosition,
  toPage,
  type CursorScope,
} from '@dash/subgraph';
import { AWAITING_RESPONSE, awaitingResponse } from './dispute.rules.js';
import { Dispute } from './dispute.entity.js';

/** Where an awaiting dispute without a deadline sorts: before every dated one. */
const NO_DEADLINE = new Date(0);

/**
 * A dispute's place in its account's list: in the part waiting for a response (by deadline,
 * then newest first), or in the rest (newest first). A dispute answered between two pages moves
 * from the first part to the second, so the pages that follow may show it again or not at all.
 */
export type DisputePosition =
  | { awaiting: true; dueBy: Date; createdAt: Date; id: string }
  | { awaiting: false; createdAt: Date; id: string };

/** One account's disputes list: its cursors are refused by any other list. */
export const disputesScope = (accountId: string): CursorScope => `disputes:${accountId}`;

export const positionOf = (dispute: Dispute): DisputePosition =>
  awaitingResponse(dispute.status)
    ? {
        awaiting: true,
        dueBy: dispute.evidenceDueBy ?? NO_DEADLINE,
        createdAt: dispute.createdAt,
        id: dispute.id,
      }
    : { awaiting: false, createdAt: dispute.createdAt, id: dispute.id };

const encodeDisputeCursor = (position: DisputePosition, scope: CursorScope) =>
  encodePosition(
    position.awaiting
      ? ['awaiting', position.dueBy.getTime(), position.createdAt.getTime(), position.id]
      : ['rest', position.createdAt.getTime(), position.id],
    scope,
  );

const validTime = (value: unknown): Date | undefined => {
  const time = new Date(typeof value === 'number' ? value : Number.NaN);
  return Number.isNaN(time.getTime()) ? undefined : time;
};

/** A cursor of this account's disputes list; BAD_USER_INPUT (field `after`) for any other. */
export function decodeDisputeCursor(cursor: string, scope: CursorScope): DisputePosition {
  const values = decodePosition(cursor, scope);
  const [part] = values;
  if (part === 'awaiting' && values.length === 4) {
    const [, due, created, id] = values;
    const dueBy = validTime(due);
    const createdAt = validTime(created);
    if (dueBy && createdAt && typeof id === 'string')
      return { awaiting: true, dueBy, createdAt, id };
  }
  if (part === 'rest' && values.length === 3) {
    const [, created, id] = values;
    const createdAt = validTime(created);
    if (createdAt && typeof id === 'string') return { awaiting: false, createdAt, id };
  }
  throw badInput('after is not a cursor this list gave out', 'after');
}

/** A page from rows fetched one beyond `first`, its cursor at its last dispute's position. */
export function disputePage(rows: Dispute[], first: number, scope: CursorScope) {
  const { nodes, pageInfo } = toPage(rows, first);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      ...pageInfo,
      endCursor: last ? encodeDisputeCursor(positionOf(last), scope) : null,
    },
  };
}

/** Reads of one account's disputes. */
export class Disputes extends AccountRecords<Dispute> {
  constructor(dataSource: DataSource) {
    super(dataSource.getRepository(Dispute));
  }

  /**
   * A page of the list: those waiting for a response first, soonest due first (those with no
   * deadline before them); then the rest, newest first. Each part is read by keyset from `after`
   * (see DisputePosition), one row beyond `first` (see toPage). Read from a replica: the list is
   * for reading; responding to a dispute reads it on the primary.
   */
  async listed(account: AccountRef, first: number, after?: DisputePosition): Promise<Dispute[]> {
    const rows: Dispute[] = [];
    if (!after || after.awaiting) {
      const awaiting = this.scoped('dp', account)
        .andWhere('dp.status IN (:...awaiting)', { awaiting: AWAITING_RESPONSE })
        .setParameter('noDeadline', NO_DEADLINE);
      const due = 'COALESCE(dp.evidence_due_by, :noDeadline)';
      if (after)
        awaiting.andWhere(
          `(${due} > :afterDue OR (${due} = :afterDue AND (dp.created_at < :afterAt OR (dp.created_at = :afterAt AND dp.id < :afterId))))`,
          { afterDue: after.dueBy, afterAt: after.createdAt, afterId: after.id },
        );
      awaiting
        .orderBy(due, 'ASC')
        .addOrderBy('dp.created_at', 'DESC')
        .addOrderBy('dp.id', 'DESC')
        .take(first + 1);
      rows.push(...(await fromReplica(awaiting, (list) => list.getMany())));
    }
    if (rows.length > first) return rows;
    const rest = afterKeyset(
      this.scoped('dp', account).andWhere('dp.status NOT IN (:...awaiting)', {
        awaiting: AWAITING_RESPONSE,
      }),
      'dp',
      after && !after.awaiting ? after : undefined,
    )
      .orderBy('dp.created_at', 'DESC')
      .addOrderBy('dp.id', 'DESC')
      .take(first + 1 - rows.length);
    rows.push(...(await fromReplica(rest, (list) => list.getMany())));
    return rows;
  }

  /** A dispute found by its id alone (another subgraph points at it); the caller checks access. */
  byId(id: string): Promise<Dispute | null> {
    return this.repository.findOneBy({ id });
  }
}
