import { z } from '@dash/config';

/** The shapes other services' commands to the ledger are checked against. */
export const id = z.string().min(1).max(40);
export const currency = z.string().regex(/^[a-z]{3}$/);
export const minorUnits = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
