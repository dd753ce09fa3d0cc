import type { ValueTransformer } from 'typeorm';

/**
 * BIGINT money columns: the driver hands us strings (never a rounded float), we hand the
 * domain plain safe integers and refuse anything outside Number's exact range.
 */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => {
    if (value === null) return null;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed))
      throw new RangeError(`BIGINT ${value} exceeds the safe range`);
    return parsed;
  },
};

/** Options for a money / counter column: `@Column(bigintColumn())`. */
export const bigintColumn = (extra: { name?: string; default?: number } = {}) =>
  ({ type: 'bigint', transformer: bigintToNumber, ...extra }) as const;

/** Millisecond UTC timestamps: `@Column(datetimeColumn())`. */
export const datetimeColumn = (extra: { name?: string; nullable?: boolean } = {}) =>
  ({ type: 'datetime', precision: 3, ...extra }) as const;
