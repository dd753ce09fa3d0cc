import { GraphqlRequestError } from './graphql.js';
import { sharedMessages } from './messages.js';

/** The refusals of a document's upload and attachment, worded once for every screen that sends one. */
export const DOCUMENT_REFUSALS: ReadonlySet<string> = new Set(
  Object.keys(sharedMessages.en.documents.refusals),
);

/**
 * Where a refusal's words are: the shared ones for a document's refusals, else the screen's own
 * (`own` is its refusals' path, such as 'banner.risk.refusals').
 */
export const refusalPath = (reason: string, own: string) =>
  DOCUMENT_REFUSALS.has(reason) ? `documents.refusals.${reason}` : `${own}.${reason}`;

/** The documents a requirement takes (as identity's rules say): a company's papers, or a person's id. */
export const documentTypesFor = (requirement: string): readonly string[] =>
  requirement.startsWith('company.')
    ? ['company_registration', 'tax_id_letter']
    : ['passport', 'id_card', 'driving_license'];

/** Id cards and driving licences have a back. */
export const documentHasBack = (type: string) => type === 'id_card' || type === 'driving_license';

/**
 * Sends one page's bytes to /files as an identity document (the shell passes it on with the
 * session cookie): answers its file id, to send with attachVerificationDocument. A refusal is
 * thrown as the GraphQL client throws one, so a screen reads its reason the same way. Only the
 * dashboard's own pages may upload: inside a platform's page (embedded), /files refuses.
 */
export async function uploadDocumentPage(file: File): Promise<string> {
  const response = await fetch('/files?purpose=identity_document', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
    },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as {
    id?: string;
    error?: { code?: string; message?: string; extensions?: Record<string, unknown> };
  };
  if (!response.ok || !body.id) {
    const extensions = body.error?.extensions ?? {};
    throw new GraphqlRequestError(
      body.error?.message ?? 'The file could not be uploaded.',
      body.error?.code ?? 'UPLOAD_FAILED',
      undefined,
      {
        ...extensions,
        reason: extensions.reason ?? (response.status === 413 ? 'FILE_TOO_LARGE' : 'UPLOAD_FAILED'),
      },
    );
  }
  return body.id;
}
