import { SMTPServer } from 'smtp-server';
import { freePort } from './ports.js';

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, as `DASH_SMTP_URL` takes it. */
  url: string;
  /** Every message handed to it, raw, in the order they arrived. */
  received: string[];
  stop(): Promise<void>;
}

/**
 * A real SMTP peer on loopback for tests of what reaches a mail carrier: nothing is faked, the
 * provider speaks the protocol to it and the test reads what arrived.
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push(data);
        done();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
