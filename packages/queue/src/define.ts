/** Payload types by job name, e.g. `{ 'send-email': { to: string } }`. */
export type JobMap = Record<string, object>;

/**
 * A queue's name and the job names it carries, declared once (in @dash/contracts) and shared
 * by producers and workers so both agree on every payload type.
 */
export interface QueueDefinition<Jobs extends JobMap> {
  name: string;
  jobNames: ReadonlyArray<keyof Jobs & string>;
  /** Phantom field: carries the payload types only. */
  readonly jobs?: Jobs;
}

export function defineQueue<Jobs extends JobMap>(
  name: string,
  jobNames: ReadonlyArray<keyof Jobs & string>,
): QueueDefinition<Jobs> {
  return { name, jobNames };
}
