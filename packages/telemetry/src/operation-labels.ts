/** The label of operations that sent no usable name, or arrived past the budget of names. */
export const UNKNOWN_OPERATION = 'unknown';

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,79}$/;

/**
 * Turns the operation names callers send into label values that stay few. A name is a label
 * only if it is a GraphQL name and one of the first `capacity` names seen; anonymous operations,
 * malformed names and names past the budget all share UNKNOWN_OPERATION, so a caller inventing a
 * new name per request cannot grow the number of series without bound.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 200) {}

  labelOf(name: string | null | undefined): string {
    if (!name || !OPERATION_NAME.test(name)) return UNKNOWN_OPERATION;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.capacity) return UNKNOWN_OPERATION;
    this.seen.add(name);
    return name;
  }
}
