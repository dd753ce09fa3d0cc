import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { LedgerContext } from '../context.js';
import { idempotencyKeyOptions, metadataRecord } from '../postings/money.input.js';
import { Charge } from './charge.entity.js';
import { ChargeInput } from './charge.input.js';

@Resolver()
export class ChargeResolver {
  @Mutation(() => Charge, {
    description: 'For a platform: a direct charge on one of its accounts.',
  })
  createCharge(
    @Arg('input', () => ChargeInput, { description: 'The account, the amount and who paid.' })
    input: ChargeInput,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() { access, charges }: LedgerContext,
  ): Promise<Charge> {
    const platform = access.platform();
    return charges.createCharge(
      platform,
      { ...input, metadata: metadataRecord(input.metadata) },
      idempotencyKey,
    );
  }
}
