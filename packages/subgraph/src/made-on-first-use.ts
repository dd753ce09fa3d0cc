/** How to make each member of T. */
export type Makers<T> = { [K in keyof T]: () => T[K] };

/**
 * Adds T's members to `into`, each made the first time it is read and kept from then on. For a
 * request's context: building every use case a request might need costs more than the few it
 * does use. (A spread of the result would make them all: add them to the object that keeps them.)
 */
export function madeOnFirstUse<T extends object, Into extends object = object>(
  makers: Makers<T>,
  into: Into = {} as Into,
): Into & T {
  for (const key of Object.keys(makers) as (keyof T & string)[]) {
    Object.defineProperty(into, key, {
      enumerable: true,
      configurable: true,
      get(this: Into) {
        const value = makers[key]();
        Object.defineProperty(this, key, { value, enumerable: true, writable: false });
        return value;
      },
    });
  }
  return into as Into & T;
}
