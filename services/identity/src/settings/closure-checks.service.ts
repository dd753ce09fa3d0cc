import { postAsService } from '@dash/auth-context';
import type { SecretKeys } from '@dash/config';
import {
  CLOSURE_CHECK_PATH,
  type ClosureBlocker,
  type ClosureCheckRequest,
  type ClosureCheckResponse,
} from '@dash/contracts';
import { DashError } from '@dash/errors';
import type { Logger } from '@dash/logger';

const TIMEOUT_MS = 3_000;

/**
 * Asks each service that holds something of the account (money, payouts, disputes) what stands
 * in the way of closing it. A service that cannot answer counts as a "no": closing is final, so
 * it only happens when every owner has said yes.
 */
export class ClosureChecks {
  constructor(
    private readonly services: readonly { name: string; url: string }[],
    private readonly internalSecret: SecretKeys,
    private readonly log: Logger,
  ) {}

  async blockersFor(request: ClosureCheckRequest): Promise<ClosureBlocker[]> {
    const answers = await Promise.all(this.services.map((service) => this.ask(service, request)));
    return answers.flat();
  }

  private async ask(
    { name, url: serviceUrl }: { name: string; url: string },
    request: ClosureCheckRequest,
  ): Promise<ClosureBlocker[]> {
    try {
      const response = await postAsService(new URL(CLOSURE_CHECK_PATH, serviceUrl), request, {
        service: 'identity',
        audience: name,
        secret: this.internalSecret,
        timeoutMs: TIMEOUT_MS,
      });
      if (!response.ok) throw new Error(`${serviceUrl} answered ${response.status}`);
      return ((await response.json()) as ClosureCheckResponse).blockers;
    } catch (error) {
      this.log.warn({ err: error, service: serviceUrl }, 'closure check failed');
      throw new DashError(
        'UNAVAILABLE',
        'We could not check everything that must be settled before closing. Try again in a moment.',
        { reason: 'CLOSURE_CHECK_UNAVAILABLE' },
      );
    }
  }
}
