/**
 * Apollo's gateway library reports to Apollo unless told not to: built, it asks the metadata
 * endpoints of four cloud providers (169.254.169.254, metadata.google.internal, …) who hosts it,
 * and every hour it sends Apollo the host's OS, CPU and memory. A self-hosted payments dashboard
 * calls nobody its operator did not configure, so the gateway turns that off before building one,
 * unless the operator has set APOLLO_TELEMETRY_DISABLED (to `false`, to let it report).
 */
export function keepVendorTelemetryOff(env: NodeJS.ProcessEnv = process.env): void {
  env.APOLLO_TELEMETRY_DISABLED ??= 'true';
}
