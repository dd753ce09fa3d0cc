import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, withRequestId } from '../src/index.js';

/** A logger writing into memory, and the lines it wrote. */
function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger('test', 'trace', destination), lines };
}

const SECRETS = {
  apiKey: 'sk_test_51SecretKeyValue0123456789',
  cookie: 'dash_session=sess_cookieSecret987',
  sessionToken: 'sess_tokenValue0123456789',
  loginCode: '482913',
  email: 'ada.lovelace@example.com',
  phone: '+1 415 555 0100',
  iban: 'DE89370400440532013000',
  accountNumber: '000123456789',
  personalId: '123-45-6789',
};

describe('logs', () => {
  it('withholds secrets and personal data under any key, at any depth, in any case', async () => {
    const { log, lines } = capturingLogger();
    log.info(
      {
        req: { headers: { Authorization: `Bearer ${SECRETS.apiKey}`, cookie: SECRETS.cookie } },
        session: { token: SECRETS.sessionToken },
        challenge: { otp: SECRETS.loginCode, login_code: SECRETS.loginCode },
        account: { Email: SECRETS.email, phone_number: SECRETS.phone },
        bank: [{ iban: SECRETS.iban, 'account-number': SECRETS.accountNumber }],
        person: { personalIdNumber: SECRETS.personalId },
        keyId: 'key_visible',
      },
      'a request',
    );
    expect(lines).toHaveLength(1);
    for (const secret of Object.values(SECRETS)) expect(lines[0]).not.toContain(secret);
    // What an operator needs is still there.
    expect(JSON.parse(lines[0]!)).toMatchObject({ keyId: 'key_visible', msg: 'a request' });
  });

  it('masks contact details and keys written into messages and errors', () => {
    const { log, lines } = capturingLogger();
    log.warn(`code sent to ${SECRETS.email} and ${SECRETS.phone}`);
    const error = Object.assign(
      new Error(`Duplicate entry '${SECRETS.email}' for key 'accounts_email'`),
      {
        sql: `INSERT INTO accounts (email) VALUES ('${SECRETS.email}')`,
        parameters: [SECRETS.iban],
      },
    );
    log.error({ err: error }, `key ${SECRETS.apiKey} refused`);
    expect(lines).toHaveLength(2);
    for (const line of lines)
      for (const secret of Object.values(SECRETS)) expect(line).not.toContain(secret);
    expect(JSON.parse(lines[1]!).err.message).toContain('Duplicate entry');
  });

  it('puts the request id on every line written while the request runs, awaits included', async () => {
    const { log, lines } = capturingLogger();
    await Promise.all(
      ['req-a', 'req-b'].map((requestId) =>
        withRequestId(requestId, async () => {
          log.info('before');
          await new Promise((resolve) => setTimeout(resolve, 5));
          log.child({ part: 'worker' }).info('after');
        }),
      ),
    );
    log.info('outside');
    const parsed = lines.map((line) => JSON.parse(line) as { msg: string; requestId?: string });
    expect(parsed.filter((line) => line.requestId === 'req-a')).toHaveLength(2);
    expect(parsed.filter((line) => line.requestId === 'req-b')).toHaveLength(2);
    expect(parsed.find((line) => line.msg === 'outside')?.requestId).toBeUndefined();
  });
});
