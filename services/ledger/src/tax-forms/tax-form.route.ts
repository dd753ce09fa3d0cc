import { accountRefOf } from '@dash/contracts';
import type { Caller } from '@dash/auth-context';
import type { SecretKeys } from '@dash/config';
import { badInput, callerRoute, InternalRouteError, type Access } from '@dash/subgraph';
import type { TaxForms } from './tax-forms.service.js';

/** Where the gateway forwards `/exports/tax-form.pdf?form=taxform_…`. */
export const TAX_FORM_PDF_PATH = '/exports/tax-form.pdf';

/**
 * `GET /exports/tax-form.pdf?form=…`: a form's PDF, exactly as it was issued. An account gets
 * only its own, a platform only its accounts' in its key's mode; anyone else's is not found.
 */
export function taxFormPdfRoute(
  secret: SecretKeys,
  app: { accessFor: (caller: Caller) => Access },
  taxForms: TaxForms,
) {
  return callerRoute(TAX_FORM_PDF_PATH, secret, async (caller, req, res) => {
    if (caller.kind !== 'account' && caller.kind !== 'platform')
      throw new InternalRouteError(401, 'UNAUTHENTICATED', 'Sign in to continue.');
    const formId = req.query.form;
    if (typeof formId !== 'string' || !formId) throw badInput('form is required', 'form');
    const form = await taxForms.withPdf(formId);
    if (!form || !app.accessFor(caller).canSee(accountRefOf(form)))
      throw new InternalRouteError(404, 'NOT_FOUND', `No such tax form: ${formId}`);
    const name = `${form.type.replace(/^us_/, '').replace('_', '-').toUpperCase()}-${form.year}${form.corrected ? `-corrected-${form.version}` : ''}.pdf`;
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', `attachment; filename="${name}"`);
    res.setHeader('cache-control', 'private, no-store');
    res.end(form.pdf);
  });
}
