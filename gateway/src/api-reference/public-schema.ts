import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** Types federation adds to subgraphs; composition drops them, but never document them. */
const FEDERATION_TYPES = new Set(['_Service', '_Entity', '_Any', '_FieldSet', 'FieldSet']);

/**
 * Whether a type belongs to the supergraph's machinery rather than to the API: the join and link
 * specs' types (`join__Graph`, `link__Purpose`, …), federation's `_Service`/`_Entity`/`_Any` and
 * GraphQL's own introspection types.
 */
export function isInternalTypeName(name: string): boolean {
  return (
    name.startsWith('join__') ||
    name.startsWith('link__') ||
    name.startsWith('__') ||
    FEDERATION_TYPES.has(name)
  );
}

/** The composed supergraph as a graphql-js schema: its directives stay on the AST nodes. */
export function supergraphSchema(supergraphSdl: string): GraphQLSchema {
  return buildSchema(supergraphSdl, { assumeValidSDL: true });
}

/** A schema element marked @inaccessible is in the supergraph but not in the API clients see. */
function isInaccessible(element: {
  astNode?: { directives?: ReadonlyArray<{ name: { value: string } }> } | null;
}): boolean {
  return (element.astNode?.directives ?? []).some(
    ({ name }) => name.value === 'inaccessible' || name.value.endsWith('__inaccessible'),
  );
}

/**
 * The API's own named types, sorted by name: no supergraph machinery, no introspection types,
 * no built-in scalars, nothing @inaccessible.
 */
export function publicTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap())
    .filter(
      (type) =>
        !isInternalTypeName(type.name) &&
        !isIntrospectionType(type) &&
        !isSpecifiedScalarType(type) &&
        !isInaccessible(type),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The fields of an object or interface type that clients can ask for, in schema order. */
export function publicFields(type: GraphQLNamedType): GraphQLField<unknown, unknown>[] {
  if (!isObjectType(type) && !isInterfaceType(type)) return [];
  return Object.values(type.getFields()).filter((field) => !isInaccessible(field));
}

/** The root operation types, which type-graphql cannot describe: their fields carry the words. */
function isRootType(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(
    type as never,
  );
}

const described = (element: { description?: string | null | undefined }) =>
  Boolean(element.description?.trim());

/**
 * Every public type, field, argument, input field and enum value without a description, as a
 * schema coordinate (`Charge`, `Charge.amount`, `Mutation.createCharge(input:)`, `PayoutStatus.paid`).
 */
export function undescribedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of publicTypes(schema)) {
    if (!described(type) && !isRootType(schema, type)) missing.push(type.name);
    for (const field of publicFields(type)) {
      if (!described(field)) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args)
        if (!isInaccessible(arg) && !described(arg))
          missing.push(`${type.name}.${field.name}(${arg.name}:)`);
    }
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields()))
        if (!isInaccessible(field) && !described(field)) missing.push(`${type.name}.${field.name}`);
    if (isEnumType(type))
      for (const value of type.getValues())
        if (!isInaccessible(value) && !described(value)) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}
