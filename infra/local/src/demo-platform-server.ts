import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { EMBEDDED_COMPONENTS } from '@dash/auth-context';

interface DeliveredEvent {
  id: string;
  type: string;
  account: string | null;
  data: { object: { id?: string; amount?: number; currency?: string } };
}

const describe = (event: DeliveredEvent) => {
  const { id, amount, currency } = event.data.object;
  const money = amount !== undefined && currency ? ` ${amount} ${currency}` : '';
  return `${event.type.padEnd(32)} ${event.id}  ${event.account ?? ''} ${id ?? ''}${money}`;
};

/** What the platform's server needs to open embedded components: the stack and its key. */
export interface DemoPlatformConnection {
  gatewayUrl: string;
  /** The dashboard's origin, where the page loads /embed.js from. */
  dashboardUrl: string;
  /** The platform's secret key (test mode). */
  apiKey: string;
  /** The account the page shows when its address names none. */
  accountId: string;
}

const ACCOUNT_ID = /^acct_[0-9A-Za-z]{1,60}$/;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The platform's own web page with the dashboard's components in it, as its docs show: one
 * script from the dashboard, the elements, and `fetchClientSecret` asking the platform's server.
 */
function embedPage(dashboardUrl: string, accountId: string): string {
  const sessionUrl = `/account-session?account=${encodeURIComponent(accountId)}`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Demo platform: your earnings</title>
    <style>
      body { margin: 0; font-family: Georgia, serif; background: #fbfaf7; color: #222; }
      header { padding: 16px 24px; background: #0f3d3e; color: #fff; }
      main { display: grid; gap: 24px; padding: 24px; max-width: 960px; margin: 0 auto; }
      /* The page themes the components with the dashboard's custom properties. */
      dash-balances, dash-payouts, dash-payments { --dash-radius-lg: 4px; }
    </style>
  </head>
  <body>
    <header><strong>Demo platform</strong> · your earnings, inside our app</header>
    <main>
      <dash-notification-banner></dash-notification-banner>
      <dash-balances></dash-balances>
      <dash-payouts></dash-payouts>
      <dash-payments></dash-payments>
      <section id="onboarding" hidden></section>
    </main>
    <script src="${escapeHtml(new URL('/embed.js', dashboardUrl).href)}"></script>
    <script>
      DashEmbed.init({
        fetchClientSecret: async () => {
          const response = await fetch(${JSON.stringify(sessionUrl)}, { method: 'POST' });
          if (!response.ok) throw new Error('No account session: ' + response.status);
          return (await response.json()).clientSecret;
        },
      });
      // The banner's "provide details" opens onboarding here, in the platform's page.
      const onboarding = document.getElementById('onboarding');
      document.addEventListener('dash-navigate', (event) => {
        if (event.detail.path !== '/onboarding') return;
        if (!onboarding.firstElementChild)
          onboarding.append(document.createElement('dash-account-onboarding'));
        onboarding.hidden = false;
        onboarding.scrollIntoView();
      });
      document.addEventListener('dash-onboarding-exit', () => {
        onboarding.replaceChildren();
        onboarding.hidden = true;
      });
    </script>
  </body>
</html>
`;
}

async function createAccountSession(connection: DemoPlatformConnection, accountId: string) {
  const response = await fetch(connection.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${connection.apiKey}`,
    },
    body: JSON.stringify({
      query:
        'mutation($account: ID!, $components: [EmbeddedComponent!]!) { createAccountSession(account: $account, components: $components) { clientSecret } }',
      variables: { account: accountId, components: EMBEDDED_COMPONENTS },
    }),
  });
  const answer = (await response.json()) as {
    data?: { createAccountSession: { clientSecret: string } } | null;
    errors?: Array<{ message: string }>;
  };
  if (!answer.data?.createAccountSession) throw new Error(answer.errors?.[0]?.message ?? 'failed');
  return answer.data.createAccountSession;
}

/**
 * The demo platform's server, as a newcomer would write it:
 * - POST /webhooks verifies each webhook with the Standard Webhooks library and prints it, so
 *   events show up as the dashboard is clicked through (204 to what verifies, 400 otherwise);
 * - GET / is the platform's page with embedded components (`?account=acct_…` picks the account
 *   — a demo's shortcut for the platform's own sign-in), and POST /account-session is its
 *   server asking for the page's client secret with the platform's key.
 * The page needs the stack: `connect` it once the stack is up.
 */
export async function startDemoPlatformServer(
  webhookSecret: string,
  port: number,
  print: (line: string) => void = (line) => console.log(line),
) {
  const verifier = new Webhook(webhookSecret);
  let connection: DemoPlatformConnection | undefined;

  const receiveWebhook = (
    body: string,
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ) => {
    try {
      const event = verifier.verify(
        body,
        request.headers as Record<string, string>,
      ) as DeliveredEvent;
      print(`  webhook ✓ ${describe(event)}`);
      response.writeHead(204).end();
    } catch (error) {
      print(`  webhook ✗ refused: ${(error as Error).message}`);
      response.writeHead(400).end();
    }
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://demo.invalid');
      if (request.method === 'POST' && url.pathname === '/webhooks')
        return receiveWebhook(Buffer.concat(chunks).toString('utf8'), request, response);
      if (!connection) return response.writeHead(503).end('The stack is still starting.');
      const accountId = url.searchParams.get('account') ?? connection.accountId;
      if (!ACCOUNT_ID.test(accountId)) return response.writeHead(400).end('Not an account id.');
      if (request.method === 'GET' && url.pathname === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end(embedPage(connection.dashboardUrl, accountId));
      }
      if (request.method === 'POST' && url.pathname === '/account-session') {
        createAccountSession(connection, accountId).then(
          (session) => {
            response.writeHead(200, {
              'content-type': 'application/json',
              'cache-control': 'no-store',
            });
            response.end(JSON.stringify({ clientSecret: session.clientSecret }));
          },
          (error: Error) => {
            response.writeHead(502, { 'content-type': 'application/json' });
            response.end(JSON.stringify({ error: error.message }));
          },
        );
        return;
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: listening } = server.address() as AddressInfo;
  return {
    /** Where webhooks go. */
    webhookUrl: `http://127.0.0.1:${listening}/webhooks`,
    /**
     * The origins its page is served from, for the platform's embedding list: 127.0.0.1, and
     * `platform.localhost` — another site than the dashboard's, as a real platform's app is.
     */
    origins: [`http://127.0.0.1:${listening}`, `http://platform.localhost:${listening}`],
    /** The page with embedded components, on another site than the dashboard (tests use it). */
    pageUrl: `http://platform.localhost:${listening}/`,
    /** The same page at an address every browser resolves (what `npm start` prints). */
    demoUrl: `http://127.0.0.1:${listening}/`,
    connect(next: DemoPlatformConnection) {
      connection = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type DemoPlatformServer = Awaited<ReturnType<typeof startDemoPlatformServer>>;
