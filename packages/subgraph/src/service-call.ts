import { postAsService, type ServiceAnswer } from '@dash/auth-context';
import { DashError, ERROR_CODES, type ErrorCode } from '@dash/errors';

interface RouteErrorBody {
  error?: { code?: string; message?: string; extensions?: Record<string, unknown> };
}

const PASSED_ON = new Set<string>(
  ERROR_CODES.filter((code) => code !== 'UNAUTHENTICATED' && code !== 'INTERNAL_SERVER_ERROR'),
);

/**
 * Calls another service's internal route and returns its JSON answer. A typed refusal there
 * (insufficient funds, a wrong code…) is thrown here as the same DashError, so it reaches the
 * user unchanged; no answer, or one that is not a refusal, is UNAVAILABLE — try again later.
 */
export async function callService<Answer>(
  url: string | URL,
  body: unknown,
  options: Parameters<typeof postAsService>[2],
): Promise<Answer> {
  const unavailable = () =>
    new DashError('UNAVAILABLE', 'A service this depends on did not answer. Try again.');
  let response: ServiceAnswer;
  try {
    response = await postAsService(url, body, { timeoutMs: 10_000, ...options });
  } catch {
    throw unavailable();
  }
  const payload = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return payload as Answer;
  const refusal = (payload as RouteErrorBody | undefined)?.error;
  if (refusal?.code && PASSED_ON.has(refusal.code))
    throw new DashError(
      refusal.code as ErrorCode,
      refusal.message ?? 'Refused.',
      refusal.extensions ?? {},
    );
  throw unavailable();
}
