import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  print,
  astFromValue,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { publicFields, publicTypes } from './public-schema.js';

/** The reference's pages, by kind of type; each type has one home page. */
const PAGES = {
  queries: 'queries.md',
  mutations: 'mutations.md',
  objects: 'objects.md',
  interfaces: 'interfaces.md',
  unions: 'unions.md',
  inputs: 'inputs.md',
  enums: 'enums.md',
  scalars: 'scalars.md',
} as const;

const GENERATED_NOTE =
  '<!-- Generated from gateway/supergraph.graphql by `npm run docs:api`; do not edit by hand. -->';

/** The page a named type is documented on. */
function pageOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return PAGES.objects;
  if (isInterfaceType(type)) return PAGES.interfaces;
  if (isUnionType(type)) return PAGES.unions;
  if (isInputObjectType(type)) return PAGES.inputs;
  if (isEnumType(type)) return PAGES.enums;
  return PAGES.scalars;
}

/** GitHub's heading anchor for a heading that is just a name. */
const anchor = (name: string) => name.toLowerCase().replace(/[^a-z0-9_-]/g, '');

/** A link to where a type is documented, from a page in the same folder. */
const typeLink = (type: GraphQLNamedType) => `[${type.name}](${pageOf(type)}#${anchor(type.name)})`;

/** A field's or argument's type, as GraphQL writes it, with the named type linked: `[[Charge](…)!]!`. */
function typeRef(type: GraphQLType): string {
  if (isNonNullType(type)) return `${typeRef(type.ofType)}!`;
  if (isListType(type)) return `\\[${typeRef(type.ofType)}\\]`;
  return typeLink(type);
}

/**
 * A description as Markdown: GraphQL descriptions are plain sentences, so outside code spans
 * an angle bracket is text (`/login/<token>`), never HTML.
 */
function prose(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .trim()
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '&lt;')))
    .join('');
}

/** The first sentence of a description, for a table of contents. */
function summary(text: string | null | undefined): string {
  const first = prose(text).split('\n')[0] ?? '';
  const end = first.search(/(?<!\b(?:e\.g|i\.e|etc))\.(\s|$)/);
  return end === -1 ? first : first.slice(0, end + 1);
}

function defaultOf(arg: GraphQLArgument | GraphQLInputField): string {
  if (arg.defaultValue === undefined) return '';
  const ast = astFromValue(arg.defaultValue, arg.type);
  return ast ? ` (default \`${print(ast)}\`)` : '';
}

function deprecation(element: { deprecationReason?: string | null | undefined }): string {
  return element.deprecationReason ? ` **Deprecated:** ${prose(element.deprecationReason)}` : '';
}

/** `- \`name\`: Type (default …) — description`, for an argument or an input field. */
function inputLine(input: GraphQLArgument | GraphQLInputField, indent = ''): string {
  const description = prose(input.description);
  return `${indent}- \`${input.name}\`: ${typeRef(input.type)}${defaultOf(input)}${
    description ? ` — ${description}` : ''
  }${deprecation(input)}`;
}

/** A field of an object type, with its arguments beneath it. */
function fieldLines(field: GraphQLField<unknown, unknown>): string[] {
  const description = prose(field.description);
  return [
    `- \`${field.name}\`: ${typeRef(field.type)}${description ? ` — ${description}` : ''}${deprecation(field)}`,
    ...field.args.map((arg) => inputLine(arg, '  ')),
  ];
}

function page(title: string, intro: string, sections: string[]): string {
  return [GENERATED_NOTE, '', `# ${title}`, '', intro, '', ...sections].join('\n');
}

function tableOfContents(entries: Array<{ name: string; description?: string | null }>): string {
  return entries
    .map(({ name, description }) => {
      const line = summary(description);
      return `- [${name}](#${anchor(name)})${line ? ` — ${line}` : ''}`;
    })
    .join('\n');
}

/** One operation (a field of Query or Mutation): what it does, its arguments, what it answers. */
function operationSection(field: GraphQLField<unknown, unknown>): string {
  const parts = [`## ${field.name}`, ''];
  if (field.description) parts.push(prose(field.description), '');
  if (field.deprecationReason) parts.push(`**Deprecated:** ${prose(field.deprecationReason)}`, '');
  parts.push(`Returns ${typeRef(field.type)}.`, '');
  if (field.args.length)
    parts.push('Arguments:', '', ...field.args.map((arg) => inputLine(arg)), '');
  return parts.join('\n');
}

function operationsPage(
  title: string,
  intro: string,
  fields: GraphQLField<unknown, unknown>[],
): string {
  const sorted = [...fields].sort((a, b) => a.name.localeCompare(b.name));
  return page(title, intro, [tableOfContents(sorted), '', ...sorted.map(operationSection)]);
}

/** Where a type is used: the operations that answer it and the types that hold it. */
function usages(schema: GraphQLSchema): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const note = (type: GraphQLType, where: string) => {
    const name = getNamedType(type).name;
    if (!used.has(name)) used.set(name, new Set());
    used.get(name)!.add(where);
  };
  const rootPages = new Map<string, string>();
  const queries = schema.getQueryType();
  const mutations = schema.getMutationType();
  if (queries) rootPages.set(queries.name, PAGES.queries);
  if (mutations) rootPages.set(mutations.name, PAGES.mutations);
  for (const type of publicTypes(schema)) {
    const rootPage = rootPages.get(type.name);
    const home = (field: string) =>
      rootPage
        ? `[${type.name}.${field}](${rootPage}#${anchor(field)})`
        : `[${type.name}.${field}](${pageOf(type)}#${anchor(type.name)})`;
    for (const field of publicFields(type)) {
      note(field.type, home(field.name));
      for (const arg of field.args) note(arg.type, home(field.name));
    }
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields())) note(field.type, home(field.name));
  }
  return used;
}

function usedIn(used: Map<string, Set<string>>, type: GraphQLNamedType): string[] {
  const where = [...(used.get(type.name) ?? [])].sort();
  if (!where.length) return [];
  const shown = where.slice(0, 12);
  const more = where.length > shown.length ? `, and ${where.length - shown.length} more` : '';
  return [`Used by ${shown.join(', ')}${more}.`, ''];
}

/** One named type: its description, then its fields, input fields, values or members. */
function typeSection(type: GraphQLNamedType, used: Map<string, Set<string>>): string {
  const parts = [`## ${type.name}`, ''];
  if (type.description) parts.push(prose(type.description), '');
  if (isObjectType(type) && type.getInterfaces().length)
    parts.push(`Implements ${type.getInterfaces().map(typeLink).join(', ')}.`, '');
  if (isObjectType(type) || isInterfaceType(type)) {
    parts.push('Fields:', '', ...publicFields(type).flatMap(fieldLines), '');
  } else if (isInputObjectType(type)) {
    parts.push('Fields:', '', ...Object.values(type.getFields()).map((f) => inputLine(f)), '');
  } else if (isEnumType(type)) {
    parts.push(
      'Values:',
      '',
      ...type.getValues().map((value) => {
        const description = prose(value.description);
        return `- \`${value.name}\`${description ? ` — ${description}` : ''}${deprecation(value)}`;
      }),
      '',
    );
  } else if (isUnionType(type)) {
    parts.push(`One of ${type.getTypes().map(typeLink).join(', ')}.`, '');
  } else if (isScalarType(type) && type.specifiedByURL) {
    parts.push(`Specified by <${type.specifiedByURL}>.`, '');
  }
  parts.push(...usedIn(used, type));
  return parts.join('\n');
}

function typesPage(
  title: string,
  intro: string,
  types: GraphQLNamedType[],
  used: Map<string, Set<string>>,
): string {
  return page(title, intro, [
    tableOfContents(types),
    '',
    ...types.map((type) => typeSection(type, used)),
  ]);
}

/** The scalars a client meets: ours, and GraphQL's own that the API uses. */
function scalarTypes(schema: GraphQLSchema, used: Map<string, Set<string>>): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap())
    .filter(
      (type) =>
        isScalarType(type) &&
        (publicTypes(schema).includes(type) ||
          (isSpecifiedScalarType(type) && used.has(type.name))),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

const INDEX_INTRO = `The GraphQL API of the Express Dashboard: one endpoint, the gateway's \`/graphql\`
(\`http://127.0.0.1:4000/graphql\` locally), for the dashboard in the browser and for a platform's own
servers. This reference is generated from the composed schema, \`gateway/supergraph.graphql\`.

- **Authentication.** A platform's server sends its secret key: \`Authorization: Bearer sk_test_…\`
  (or \`sk_live_…\`). A key sees only its platform's connected accounts, in its own mode (test or
  live). The dashboard signs in with a session cookie instead (\`createLoginLink\`, then
  \`startLogin\` and \`verifyLoginCode\`); an opened account link gives a session for onboarding only.
  Descriptions say who may call what: "For a platform" needs a key, "For the signed-in account" a
  session.
- **Ids** are Stripe-shaped and name their kind: \`acct_…\` an account, \`ch_…\` a payment, \`po_…\` a
  payout, \`txn_…\` a balance transaction, \`evt_…\` an event, \`we_…\` a webhook endpoint.
- **Money** is an integer count of the currency's minor unit (\`SafeInt\`): 2500 is $25.00 in \`usd\`,
  ¥2500 in \`jpy\`. Currencies are lowercase ISO 4217 codes.
- **Lists** are paged newest first: ask for \`first\` (1 to 100) items, then pass
  \`pageInfo.endCursor\` as \`after\` while \`pageInfo.hasNextPage\` is true.
- **Idempotency.** Every mutation that moves money takes an \`idempotencyKey\`: the same key with the
  same parameters answers the first result again instead of moving money twice.
- **Errors** come in the GraphQL \`errors\` list with \`extensions.code\` and, where the caller can act
  on it, \`extensions.reason\`: see the [error catalogue](errors.md).
- **Webhooks** are signed per Standard Webhooks: see [examples/](examples/README.md) for verifying
  one, and the README's "Webhooks and events".
- **Trying it.** Outside production the gateway serves Apollo Sandbox (a GraphiQL-like explorer, its
  script loaded from Apollo's CDN) at \`/graphql\` in a browser, and answers introspection; in
  production it does neither.`;

/**
 * The API reference as Markdown pages, by file name under docs/api/: an index, the queries and
 * mutations, and one page per kind of type, each linking to the others. `errorsPage` is the
 * error catalogue's file name, linked from the index.
 */
export function renderApiReference(schema: GraphQLSchema): Record<string, string> {
  const used = usages(schema);
  const types = publicTypes(schema);
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const named = types.filter((type) => !roots.includes(type as never));
  const of = (test: (type: GraphQLNamedType) => boolean) => named.filter(test);
  const pages: Record<string, string> = {};
  const queries = schema.getQueryType();
  const mutations = schema.getMutationType();
  if (queries)
    pages[PAGES.queries] = operationsPage(
      'Queries',
      'What can be read. A platform reads its accounts with `account(id:)`; the dashboard reads the signed-in account with `me`.',
      publicFields(queries),
    );
  if (mutations)
    pages[PAGES.mutations] = operationsPage(
      'Mutations',
      'What can be changed. Each says who may call it.',
      publicFields(mutations),
    );
  const kinds: Array<[keyof typeof PAGES, string, string, GraphQLNamedType[]]> = [
    ['objects', 'Object types', 'What queries and mutations answer.', of(isObjectType)],
    ['interfaces', 'Interfaces', 'Fields several object types share.', of(isInterfaceType)],
    ['unions', 'Unions', 'Answers that may be one of several types.', of(isUnionType)],
    ['inputs', 'Input types', 'What mutations and filters take.', of(isInputObjectType)],
    ['enums', 'Enums', 'Fixed sets of values.', of(isEnumType)],
    ['scalars', 'Scalars', 'The leaves of every answer.', scalarTypes(schema, used)],
  ];
  for (const [kind, title, intro, list] of kinds)
    if (list.length) pages[PAGES[kind]] = typesPage(title, intro, list, used);
  const contents = [
    ...(queries ? [`- [Queries](${PAGES.queries}) — what can be read`] : []),
    ...(mutations ? [`- [Mutations](${PAGES.mutations}) — what can be changed`] : []),
    ...kinds
      .filter(([kind]) => pages[PAGES[kind]])
      .map(([kind, title, intro]) => `- [${title}](${PAGES[kind]}) — ${intro.toLowerCase()}`),
    '- [Errors](errors.md) — every error code and reason, what it means and what to do',
    '- [Examples](examples/README.md) — curl and TypeScript: account, onboarding link, charge, payout, webhook',
  ];
  pages['README.md'] = page('API reference', INDEX_INTRO, ['## Contents', '', ...contents, '']);
  return pages;
}
