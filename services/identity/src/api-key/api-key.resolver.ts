import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { notFound } from '@dash/subgraph';
import { ApiKey } from './api-key.entity.js';
import type { IdentityContext } from '../context.js';

@ObjectType({ description: 'A new key and its secret. The secret is never shown again.' })
class NewApiKey {
  @Field(() => ApiKey, { description: 'The key as it will be listed.' })
  key!: ApiKey;

  @Field({
    description: 'The secret, `sk_test_…` or `sk_live_…`: keep it now; only a hash is stored.',
  })
  secret!: string;
}

/** Key management for platforms. A key manages only keys of its own mode (test or live). */
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: "The calling platform's keys in the calling key's mode." })
  async apiKeys(@Ctx() { access, apiKeys }: IdentityContext): Promise<ApiKey[]> {
    const platform = access.platform();
    return (await apiKeys.list(platform.platformId)).filter(
      (key) => key.livemode === platform.livemode,
    );
  }

  @Mutation(() => NewApiKey, {
    description:
      'Issues another key in the calling key’s mode, for rotation. Revoking the calling key later revokes this one too. A platform has at most 10 active keys per mode (FAILED_PRECONDITION, reason TOO_MANY_KEYS).',
  })
  createApiKey(@Ctx() { access, apiKeys, log }: IdentityContext): Promise<NewApiKey> {
    const platform = access.apiKey();
    return apiKeys.issue(platform, { createdByKeyId: platform.keyId }).then((issued) => {
      log.info({ keyId: issued.key.id, by: platform.keyId }, 'API key created');
      return issued;
    });
  }

  @Mutation(() => ApiKey, {
    description:
      'Revokes a key at once, with every key it created (and those keys created, in turn). A key can revoke only keys of its mode created after it: not itself, and not an older key.',
  })
  async revokeApiKey(
    @Arg('id', () => ID, { description: 'The key’s id, `key_…`.' }) id: string,
    @Ctx() { access, apiKeys, log, credentialEpochs }: IdentityContext,
  ): Promise<ApiKey> {
    const platform = access.apiKey();
    const revoked = await apiKeys.revoke(platform.platformId, id, platform.keyId);
    if (!revoked) throw notFound('active API key', id);
    log.info({ keyIds: revoked.map((key) => key.id), by: platform.keyId }, 'API keys revoked');
    // Every gateway replica forgets each revoked key at its next request.
    await Promise.all(revoked.map((key) => credentialEpochs.bump({ keyId: key.id })));
    return revoked[0]!;
  }
}
