const hex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');

/**
 * A W3C `traceparent` for one request from the browser: a new trace id and span id, marked
 * sampled, so the gateway and every subgraph record their part of this request under one trace.
 * (A few bytes of code instead of a tracing SDK in every page.) The server's sampler still
 * decides what is kept: OTEL_TRACES_SAMPLER=traceidratio keeps the same share of traces whatever
 * the browser says.
 */
export function newTraceparent(): string {
  return `00-${hex(16)}-${hex(8)}-01`;
}
