import { describe, expect, it } from 'vitest';
import { pdfText } from '@dash/testing/pdf-text';
import { renderTaxFormPdf, type TaxFormContent } from './tax-form-pdf.rules.js';

const content: TaxFormContent = {
  type: 'us_1099_k',
  year: 2026,
  corrected: false,
  version: 1,
  formId: 'taxform_0000test',
  issuedAt: new Date('2027-01-20T10:00:00Z'),
  payer: {
    name: 'Rocket Rides Inc.',
    address: {
      line1: '510 Townsend St',
      line2: null,
      city: 'San Francisco',
      state: 'CA',
      postalCode: '94103',
    },
    phone: '+1 555 555 0100',
    tin: '12-3456789',
  },
  recipient: {
    name: 'José Rosen',
    address: {
      line1: '1 Main St',
      line2: 'Apt 2',
      city: 'Austin',
      state: 'TX',
      postalCode: '78701',
    },
    tin: '***-**-6789',
  },
  accountNumber: 'acct_0000test',
  amount: 2_010_000,
  transactionCount: 201,
  monthly: [100_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1_910_000],
};

describe('the recipient copy', () => {
  it('is a PDF with the boxes of a 1099-K, the payee TIN truncated', async () => {
    const bytes = await renderTaxFormPdf(content);
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    for (const expected of [
      'Form 1099-K',
      '2026',
      'Copy B For Payee',
      '1a',
      '$20,100.00',
      'Number of payment transactions 201',
      'January $1,000.00',
      'December $19,100.00',
      'Rocket Rides Inc.',
      "FILER'S TIN 12-3456789",
      "PAYEE'S TIN ***-**-6789",
      'José Rosen',
      '1 Main St, Apt 2',
      'Austin, TX 78701',
      'acct_0000test',
    ])
      expect(text).toContain(expected);
    // Only the caption of the unchecked box: no CORRECTED mark.
    expect(text.match(/CORRECTED/g)).toHaveLength(1);
  });

  it('is the same document for the same content, and says CORRECTED on a correction', async () => {
    const first = await renderTaxFormPdf(content);
    expect(Buffer.from(await renderTaxFormPdf(content)).equals(Buffer.from(first))).toBe(true);
    const corrected = await pdfText(await renderTaxFormPdf({ ...content, corrected: true }));
    expect(corrected).toMatch(
      /CORRECTED .*CORRECTED \(if checked\)|CORRECTED \(if checked\).*CORRECTED/,
    );
  });

  it('prints a 1099-NEC with its own names for the parties and box 1', async () => {
    const text = await pdfText(
      await renderTaxFormPdf({
        ...content,
        type: 'us_1099_nec',
        amount: 250_000,
        transactionCount: null,
        monthly: null,
      }),
    );
    expect(text).toContain('Form 1099-NEC');
    expect(text).toContain('Nonemployee compensation $2,500.00');
    expect(text).toContain("RECIPIENT'S TIN ***-**-6789");
    expect(text).toContain('Copy B For Recipient');
    expect(text).not.toContain('January');
  });
});
