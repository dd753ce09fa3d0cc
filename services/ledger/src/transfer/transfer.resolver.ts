import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { LedgerContext } from '../context.js';
import { idempotencyKeyOptions, metadataRecord } from '../postings/money.input.js';
import { Transfer } from './transfer.entity.js';
import { TransferInput } from './transfer.input.js';

@Resolver()
export class TransferResolver {
  @Mutation(() => Transfer, {
    description: 'For a platform: money from its balance to an account.',
  })
  createTransfer(
    @Arg('input', () => TransferInput, { description: 'The account and the amount.' })
    input: TransferInput,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() { access, transfers }: LedgerContext,
  ): Promise<Transfer> {
    const platform = access.platform();
    return transfers.createTransfer(
      platform,
      { ...input, metadata: metadataRecord(input.metadata) },
      idempotencyKey,
    );
  }
}
