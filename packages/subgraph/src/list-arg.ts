import {
  Arg,
  getMetadataStorage,
  type ArgOptions,
  type ParameterDecorator,
  type ValidatorFn,
} from 'type-graphql';
import { validateListArg } from './validation.js';

/** What `@Arg` takes as its type: `() => [SomeInput]`. */
type ReturnTypeFunc = Parameters<typeof Arg>[1];

export interface ListArgOptions extends Omit<ArgOptions, 'validate' | 'validateFn'> {
  /** The most items one call may send; more is refused before any of them is read. */
  maxItems: number;
}

// The validators ListArg made, so a schema can tell a bounded list argument from a plain one.
const listValidators = new WeakSet<ValidatorFn>();

/**
 * `@Arg` for a list: at most `maxItems` items, each element checked by its class-validator
 * rules, a problem reported on `name.index.field` (`values.3.key`). Every list argument of a
 * subgraph must be declared with it (see `assertListArgsBounded`).
 */
export function ListArg(
  name: string,
  returnTypeFunc: ReturnTypeFunc,
  { maxItems, ...options }: ListArgOptions,
): ParameterDecorator {
  if (!Number.isInteger(maxItems) || maxItems < 1)
    throw new Error(`@ListArg(${name}) needs a positive whole maxItems`);
  const validateFn: ValidatorFn = (value) => validateListArg(name, value, maxItems);
  listValidators.add(validateFn);
  return Arg(name, returnTypeFunc, { ...options, validateFn });
}

/**
 * Refuses to build a schema with a list argument that has no declared bound: such a list would
 * be neither capped nor checked element by element. Runs once, when the schema is built.
 */
export function assertListArgsBounded(resolvers: readonly object[]): void {
  const unbounded = getMetadataStorage().params.filter((param) => {
    if (param.kind !== 'arg' || !resolvers.includes(param.target)) return false;
    param.getType(); // type-graphql learns that a type is a list only when it reads the type
    return (
      param.typeOptions.array === true &&
      !(param.validateFn && listValidators.has(param.validateFn))
    );
  });
  if (unbounded.length > 0)
    throw new Error(
      `List arguments need @ListArg with maxItems: ${unbounded
        .map((param) => `${param.target.name}.${param.methodName}`)
        .join(', ')}`,
    );
}
