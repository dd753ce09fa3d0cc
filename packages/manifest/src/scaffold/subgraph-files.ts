import type { FeatureNames } from './names.js';

/** The files of a new subgraph, by path inside its folder: the smallest service of the house. */
export function subgraphFiles(n: FeatureNames, migrationTime: number): Record<string, string> {
  const note = `${n.pascal}Note`;
  const notes = `${n.pascal}Notes`;
  const init = `Init${migrationTime}`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: `@dash/${n.name}`,
        version: '0.1.0',
        private: true,
        type: 'module',
        exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
        scripts: {
          build: 'tsc -p tsconfig.build.json',
          start: 'node dist/main.js',
          migrate: 'node dist/migrate.js',
          'print-schema': 'node dist/print-schema.js',
          typecheck: 'tsc -p tsconfig.json --noEmit',
          lint: 'eslint src test',
          test: 'vitest run',
          dev: 'node --watch dist/main.js',
        },
        dependencies: {
          '@dash/config': '*',
          '@dash/contracts': '*',
          '@dash/db': '*',
          '@dash/manifest': '*',
          '@dash/subgraph': '*',
          'class-validator': '^0.15.1',
          graphql: '^16.15.0',
          'reflect-metadata': '^0.2.2',
          'type-graphql': '2.0.0-rc.4',
          typeorm: '^1.1.0',
        },
        devDependencies: { '@dash/testing': '*' },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `{
  "extends": "../../tsconfig.json",
  "compilerOptions": { "noEmit": true },
  "include": ["src", "test"]
}
`,
    'tsconfig.build.json': `{
  "extends": "../../tsconfig.json",
  "compilerOptions": { "outDir": "dist", "rootDir": "src" },
  "include": ["src"]
}
`,
    'vitest.config.ts': `import { defineProject } from 'vitest/config';
import { nodeProject } from '@dash/vitest-config';

export default defineProject(nodeProject('${n.name}', import.meta.url));
`,
    [`src/${n.name}-config.ts`]: `import { httpUrl, loadConfig } from '@dash/config';
import { defaultSubgraphUrl, subgraphUrlVariable } from '@dash/manifest';

const IDENTITY_URL = subgraphUrlVariable('identity');

/** ${n.pascal}'s own settings: where identity answers who owns an account it has not seen. */
export function load${n.pascal}Config(env: Record<string, string | undefined> = process.env) {
  const raw = loadConfig({ [IDENTITY_URL]: httpUrl(defaultSubgraphUrl('identity')) }, env);
  return { identityUrl: raw[IDENTITY_URL] as string };
}
`,
    'src/context.ts': `import type { Access, BaseContext } from '@dash/subgraph';
import type { ${notes} } from './${n.name}/${n.name}.service.js';

export interface ${n.pascal}Context extends BaseContext {
  access: Access;
  notes: ${notes};
}
`,
    'src/service.ts': `import {
  Access,
  AccountDirectory,
  KnownPlatform,
  platformLookup,
  type ServiceDefinition,
  type ServiceDeps,
} from '@dash/subgraph';
import type { ${n.pascal}Context } from './context.js';
import { load${n.pascal}Config } from './${n.name}-config.js';
import { ${note} } from './${n.name}/${n.name}.entity.js';
import { ${note}Resolver } from './${n.name}/${n.name}.resolver.js';
import { ${notes} } from './${n.name}/${n.name}.service.js';
import { ${init} } from './migrations/${migrationTime}-Init.js';

/** Every object ${n.pascal} uses, built once per instance. */
export function assemble${n.pascal}(deps: Pick<ServiceDeps, 'dataSource' | 'config' | 'env'>) {
  const { identityUrl } = load${n.pascal}Config(deps.env);
  return {
    notes: new ${notes}(deps.dataSource),
    directory: new AccountDirectory(
      deps.dataSource,
      identityUrl,
      deps.config.internalSecret,
      '${n.name}',
    ),
    platforms: platformLookup(deps.dataSource),
  };
}

type ${n.pascal}App = ReturnType<typeof assemble${n.pascal}>;

export const ${n.service}: ServiceDefinition<${n.pascal}Context, ${n.pascal}App> = {
  name: '${n.name}',
  entities: [${note}, KnownPlatform],
  migrations: [${init}],
  resolvers: [${note}Resolver],
  assemble: assemble${n.pascal},
  buildContext: (base, app) => ({
    access: new Access(base.caller, app.directory, app.platforms),
    notes: app.notes,
  }),
};
`,
    [`src/${n.name}/${n.name}.entity.ts`]: `import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { datetimeColumn } from '@dash/db';

/** A note an account keeps: ${n.pascal}'s first stored row, owned by one account. */
@Entity('${n.snake}_notes')
@ObjectType('${note}', { description: 'A note the account keeps.' })
export class ${note} {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'account_id', type: 'varchar', length: 40 }) accountId!: string;
  @Column({ name: 'platform_id', type: 'varchar', length: 40 }) platformId!: string;
  @Column({ type: 'boolean' }) livemode!: boolean;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: 'What the account wrote.' })
  text!: string;

  @Column(datetimeColumn({ name: 'created_at' }))
  @Field(() => Date)
  createdAt!: Date;
}
`,
    [`src/${n.name}/${n.name}.input.ts`]: `import { Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A note to keep.' })
export class Add${note}Input {
  @Field({ description: 'At most 200 characters.' })
  @Length(1, 200)
  text!: string;
}
`,
    [`src/${n.name}/${n.name}.service.ts`]: `import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AccountRef, OwnedAccount } from '@dash/contracts';
import { ${note} } from './${n.name}.entity.js';

/** The notes use cases; the resolver has asked Access for the account first. */
export class ${notes} {
  constructor(private readonly dataSource: DataSource) {}

  /** The account's notes, newest first. */
  list(account: AccountRef): Promise<${note}[]> {
    return this.dataSource.getRepository(${note}).find({
      where: {
        accountId: account.accountId,
        platformId: account.platformId,
        livemode: account.livemode,
      },
      order: { createdAt: 'DESC' },
      take: 100,
    });
  }

  add(account: OwnedAccount, text: string): Promise<${note}> {
    return this.dataSource.getRepository(${note}).save(
      Object.assign(new ${note}(), {
        id: randomUUID(),
        accountId: account.accountId,
        platformId: account.platformId,
        livemode: account.livemode,
        text,
        createdAt: new Date(),
      }),
    );
  }
}
`,
    [`src/${n.name}/${n.name}.resolver.ts`]: `import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ${n.pascal}Context } from '../context.js';
import { ${note} } from './${n.name}.entity.js';
import { Add${note}Input } from './${n.name}.input.js';

@Resolver(() => ${note})
export class ${note}Resolver {
  @Query(() => [${note}], {
    description:
      "An account's notes, newest first (the signed-in account's without accountId); empty for an account the caller may not read.",
  })
  async ${n.camel}Notes(
    @Ctx() ctx: ${n.pascal}Context,
    @Arg('accountId', () => ID, { nullable: true }) accountId?: string,
  ): Promise<${note}[]> {
    const account = await ctx.access.readAccount(
      accountId ?? ctx.access.signedInAccount().accountId,
    );
    return account ? ctx.notes.list(account) : [];
  }

  @Mutation(() => ${note}, { description: 'Keeps a note for the signed-in account.' })
  async add${note}(
    @Ctx() ctx: ${n.pascal}Context,
    @Arg('input') input: Add${note}Input,
  ): Promise<${note}> {
    const account = await ctx.access.writeAccount(ctx.access.signedInAccount().accountId);
    return ctx.notes.add(account, input.text);
  }
}
`,
    [`src/migrations/${migrationTime}-Init.ts`]: `import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KNOWN_RECORDS_CAPABILITIES_AND_MODES, KNOWN_RECORDS_TABLES } from '@dash/subgraph';

/** ${n.pascal}'s notes, and the accounts and platforms it learns from identity. */
export class ${init} implements MigrationInterface {
  name = '${init}';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(\`CREATE TABLE ${n.snake}_notes (
      id VARCHAR(40) NOT NULL PRIMARY KEY,
      account_id VARCHAR(40) NOT NULL,
      platform_id VARCHAR(40) NOT NULL,
      livemode BOOLEAN NOT NULL,
      text VARCHAR(200) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY ${n.snake}_notes_by_account (account_id, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci\`);
    for (const statement of KNOWN_RECORDS_TABLES) await runner.query(statement);
    for (const statement of KNOWN_RECORDS_CAPABILITIES_AND_MODES.up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE platforms');
    await runner.query('DROP TABLE accounts');
    await runner.query('DROP TABLE ${n.snake}_notes');
  }
}
`,
    'src/main.ts': `import { runServiceMain } from '@dash/subgraph';
import { ${n.service} } from './service.js';

await runServiceMain(${n.service});
`,
    'src/migrate.ts': `import { runMigrateMain } from '@dash/subgraph';
import { ${n.service} } from './service.js';

await runMigrateMain(${n.service});
`,
    'src/print-schema.ts': `import { runPrintSchemaMain } from '@dash/subgraph';
import { ${n.service} } from './service.js';

await runPrintSchemaMain(${n.service}, new URL('../schema.graphql', import.meta.url));
`,
    'src/index.ts': `export { ${n.service} } from './service.js';
`,
    [`test/${n.name}.test.ts`]: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberAccount } from '@dash/subgraph';
import {
  accountCaller,
  platformCaller,
  startTestService,
  type TestService,
} from '@dash/subgraph/testing';
import { ${n.service} } from '../src/index.js';

const ada = accountCaller('acct_ada');
const grace = accountCaller('acct_grace');

let service: TestService;
beforeAll(async () => {
  service = await startTestService(${n.service});
  // Identity's answer about the account, as the service keeps it (identity does not run here).
  await rememberAccount(service.dataSource.manager, {
    accountId: 'acct_ada',
    platformId: 'plat_a',
    livemode: false,
  });
});
afterAll(() => service.close());

const ADD = 'mutation Add($input: Add${note}Input!) { add${note}(input: $input) { id text } }';
const LIST = 'query List($accountId: ID) { ${n.camel}Notes(accountId: $accountId) { text } }';

describe('${n.name}', () => {
  it("keeps an account's notes for that account only", async () => {
    const added = await service.query(ADD, { input: { text: 'first' } }, ada);
    expect(added.errors).toBeUndefined();
    expect((await service.query(LIST, {}, ada)).data).toEqual({ ${n.camel}Notes: [{ text: 'first' }] });
    expect((await service.query(LIST, {}, grace)).data).toEqual({ ${n.camel}Notes: [] });
    expect((await service.query(LIST, { accountId: 'acct_ada' }, grace)).data).toEqual({
      ${n.camel}Notes: [],
    });
  });

  it('refuses a note without a signed-in account, or too long', async () => {
    const anonymous = await service.query(ADD, { input: { text: 'x' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const platform = await service.query(ADD, { input: { text: 'x' } }, platformCaller('plat_a'));
    expect(platform.errors?.[0]?.extensions?.code).toBeDefined();
    const long = await service.query(ADD, { input: { text: 'x'.repeat(201) } }, ada);
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
`,
  };
}
