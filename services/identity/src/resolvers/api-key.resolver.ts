import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { forbidden, notFound, requirePlatform } from '@dash/subgraph';
import { ApiKey } from '../entities/api-key.entity.js';
import type { IdentityContext } from '../context.js';

@ObjectType({ description: 'A new key and its secret. The secret is never shown again.' })
class NewApiKey {
  @Field(() => ApiKey)
  key!: ApiKey;

  @Field()
  secret!: string;
}

/** Key management for platforms. A key manages only keys of its own mode (test or live). */
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: "The calling platform's keys in the calling key's mode." })
  async apiKeys(@Ctx() { caller, apiKeys }: IdentityContext): Promise<ApiKey[]> {
    const platform = requirePlatform(caller);
    return (await apiKeys.list(platform.platformId)).filter(
      (key) => key.livemode === platform.livemode,
    );
  }

  @Mutation(() => NewApiKey, {
    description: 'Issues another key in the calling key’s mode, for rotation.',
  })
  createApiKey(@Ctx() { caller, apiKeys }: IdentityContext): Promise<NewApiKey> {
    const platform = requirePlatform(caller);
    return apiKeys.issue(platform.platformId, platform.livemode);
  }

  @Mutation(() => ApiKey, { description: 'Revokes a key at once. A key cannot revoke itself.' })
  async revokeApiKey(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, apiKeys, credentialEpochs }: IdentityContext,
  ): Promise<ApiKey> {
    const platform = requirePlatform(caller);
    if (id === platform.keyId) throw forbidden('A key cannot revoke itself; use another key.');
    const key = (await apiKeys.list(platform.platformId)).find(
      (k) => k.id === id && k.livemode === platform.livemode,
    );
    if (!key || !(await apiKeys.revoke(platform.platformId, id)))
      throw notFound('active API key', id);
    await credentialEpochs.bump({ keyId: id });
    return { ...key, revokedAt: new Date() };
  }
}
