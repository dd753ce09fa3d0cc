import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatMoney } from '@dash/money';
import type { TaxFormType } from './thresholds.rules.js';

/** A US postal address as a form prints it. */
export interface PostalAddress {
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  postalCode: string;
}

/** Everything printed on a recipient's copy: the same content always makes the same bytes. */
export interface TaxFormContent {
  type: TaxFormType;
  year: number;
  corrected: boolean;
  version: number;
  formId: string;
  /** When it was issued: printed, and the document's dates. */
  issuedAt: Date;
  payer: { name: string; address: PostalAddress; phone: string | null; tin: string };
  /** The payee's TIN already truncated to its last four digits (or null when not given). */
  recipient: { name: string; address: PostalAddress | null; tin: string | null };
  accountNumber: string;
  /** Box 1a of a 1099-K, box 1 of a 1099-NEC, in cents. */
  amount: number;
  /** Box 3 of a 1099-K. */
  transactionCount: number | null;
  /** Boxes 5a–5l of a 1099-K, January to December, in cents. */
  monthly: number[] | null;
}

const PAGE = { width: 612, height: 792 };
const LEFT = 36;
const WIDTH = 540;
const INK = rgb(0, 0, 0);
const FORM_RED = rgb(0.7, 0.05, 0.05);
const CAPTION_SIZE = 6.5;
const VALUE_SIZE = 9.5;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The standard fonts write WinAnsi; anything else (validated away upstream) prints as "?". */
const printable = (text: string) => text.replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');

const dollars = (cents: number) => formatMoney(cents, 'usd', 'en');

const cityLine = (address: PostalAddress) =>
  `${address.city}, ${address.state} ${address.postalCode}`;

/** Words laid out in lines no wider than `width`. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of printable(text).split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** One box of the form: its border, its caption at the top, its value lines under it. */
function box(
  page: PDFPage,
  fonts: Fonts,
  at: { x: number; top: number; width: number; height: number },
  caption: string,
  values: string[] = [],
  options: { boldCaption?: string } = {},
): void {
  page.drawRectangle({
    x: at.x,
    y: at.top - at.height,
    width: at.width,
    height: at.height,
    borderColor: FORM_RED,
    borderWidth: 0.6,
  });
  const captionLines = wrap(caption, fonts.regular, CAPTION_SIZE, at.width - 8);
  captionLines.forEach((line, index) => {
    const y = at.top - 2 - (index + 1) * (CAPTION_SIZE + 1.5) + 1.5;
    let x = at.x + 3;
    if (index === 0 && options.boldCaption) {
      page.drawText(options.boldCaption, {
        x,
        y,
        size: CAPTION_SIZE,
        font: fonts.bold,
        color: INK,
      });
      x += fonts.bold.widthOfTextAtSize(`${options.boldCaption} `, CAPTION_SIZE);
    }
    page.drawText(line, { x, y, size: CAPTION_SIZE, font: fonts.regular, color: INK });
  });
  let baseline = at.top - 4 - captionLines.length * (CAPTION_SIZE + 1.5) - VALUE_SIZE;
  for (const value of values) {
    page.drawText(printable(value), {
      x: at.x + 5,
      y: baseline,
      size: VALUE_SIZE,
      font: fonts.regular,
      color: INK,
    });
    baseline -= VALUE_SIZE + 2;
  }
}

/** A check box with its label; `checked` draws an X in it. */
function checkBox(
  page: PDFPage,
  fonts: Fonts,
  x: number,
  y: number,
  label: string,
  checked: boolean,
): number {
  page.drawRectangle({ x, y, width: 7, height: 7, borderColor: INK, borderWidth: 0.6 });
  if (checked) {
    page.drawLine({ start: { x, y }, end: { x: x + 7, y: y + 7 }, thickness: 0.8, color: INK });
    page.drawLine({ start: { x, y: y + 7 }, end: { x: x + 7, y }, thickness: 0.8, color: INK });
  }
  page.drawText(printable(label), {
    x: x + 10,
    y: y + 1,
    size: CAPTION_SIZE,
    font: fonts.regular,
    color: INK,
  });
  return x + 10 + fonts.regular.widthOfTextAtSize(label, CAPTION_SIZE) + 8;
}

/** What differs between the two forms: their names, and who the parties are called. */
const FORMS = {
  us_1099_k: {
    name: '1099-K',
    omb: '1545-2205',
    title: 'Payment Card and Third Party Network Transactions',
    payer: 'FILER',
    payee: 'PAYEE',
    copy: 'Copy B For Payee',
    url: 'www.irs.gov/Form1099K',
  },
  us_1099_nec: {
    name: '1099-NEC',
    omb: '1545-0116',
    title: 'Nonemployee Compensation',
    payer: 'PAYER',
    payee: 'RECIPIENT',
    copy: 'Copy B For Recipient',
    url: 'www.irs.gov/Form1099NEC',
  },
} as const;

/**
 * The recipient's copy (Copy B) of a 1099-K or 1099-NEC, laid out as the IRS form is: the payer
 * and payee on the left, the title block on the right with the amount boxes beside it, the
 * payee's TIN truncated as recipient statements may show it, and "CORRECTED" checked on a
 * correction. Its dates are the issue date, so the same content renders the same bytes.
 */
export async function renderTaxFormPdf(content: TaxFormContent): Promise<Uint8Array> {
  const form = FORMS[content.type];
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setTitle(`Form ${form.name} ${content.year}${content.corrected ? ' (corrected)' : ''}`);
  document.setAuthor(printable(content.payer.name));
  document.setSubject(`${form.copy}: ${printable(content.recipient.name)}`);
  document.setCreator('Express Dashboard');
  document.setProducer('Express Dashboard');
  document.setCreationDate(content.issuedAt);
  document.setModificationDate(content.issuedAt);
  const page = document.addPage([PAGE.width, PAGE.height]);
  const fonts = {
    regular: await document.embedFont(StandardFonts.Helvetica),
    bold: await document.embedFont(StandardFonts.HelveticaBold),
  };

  const top = 740;
  checkBox(page, fonts, LEFT, top + 8, 'CORRECTED (if checked)', content.corrected);
  if (content.corrected)
    page.drawText('CORRECTED', {
      x: LEFT + WIDTH - fonts.bold.widthOfTextAtSize('CORRECTED', 11),
      y: top + 8,
      size: 11,
      font: fonts.bold,
      color: FORM_RED,
    });

  const leftWidth = 252;
  const middleX = LEFT + leftWidth;
  const middleWidth = 168;
  const rightX = middleX + middleWidth;
  const rightWidth = WIDTH - leftWidth - middleWidth;
  // The payee's boxes are fixed; the 1099-K's check boxes add two rows.
  const partiesHeight = 246 + (content.type === 'us_1099_k' ? 72 : 0);
  const amountsHeight = drawAmounts(page, fonts, content, {
    x: middleX,
    top,
    middleWidth,
    minHeight: partiesHeight,
  });
  const leftHeight = drawParties(page, fonts, content, { top, width: leftWidth, amountsHeight });

  // The title block: which form, which year, which copy.
  const titleHeight = 126;
  page.drawRectangle({
    x: rightX,
    y: top - titleHeight,
    width: rightWidth,
    height: titleHeight,
    borderColor: FORM_RED,
    borderWidth: 0.6,
  });
  const titleLines: Array<[string, PDFFont, number]> = [
    [`OMB No. ${form.omb}`, fonts.regular, 7],
    [`Form ${form.name}`, fonts.bold, 13],
    ['For calendar year', fonts.regular, 7],
    [String(content.year), fonts.bold, 18],
  ];
  let y = top - 4;
  for (const [text, font, size] of titleLines) {
    y -= size + 3;
    page.drawText(text, { x: rightX + 6, y, size, font, color: INK });
  }
  y -= 14;
  for (const line of wrap(form.title, fonts.bold, 8, rightWidth - 12)) {
    page.drawText(line, { x: rightX + 6, y, size: 8, font: fonts.bold, color: INK });
    y -= 10;
  }
  page.drawText(form.copy, { x: rightX + 6, y: y - 2, size: 8, font: fonts.bold, color: INK });

  const bottom = top - Math.max(leftHeight, amountsHeight);
  const notice =
    'This is important tax information and is being furnished to the IRS. If you are required to file a return, a negligence penalty or other sanction may be imposed on you if taxable income results from this transaction and the IRS determines that it has not been reported.';
  y = bottom - 14;
  for (const line of wrap(notice, fonts.regular, 7.5, WIDTH)) {
    page.drawText(line, { x: LEFT, y, size: 7.5, font: fonts.regular, color: INK });
    y -= 10;
  }
  y -= 6;
  page.drawText(`Form ${form.name}`, { x: LEFT, y, size: 8, font: fonts.bold, color: INK });
  page.drawText(`(keep for your records)    ${form.url}`, {
    x: LEFT + 70,
    y,
    size: 8,
    font: fonts.regular,
    color: INK,
  });
  const treasury = 'Department of the Treasury - Internal Revenue Service';
  page.drawText(treasury, {
    x: LEFT + WIDTH - fonts.regular.widthOfTextAtSize(treasury, 8),
    y,
    size: 8,
    font: fonts.regular,
    color: INK,
  });
  y -= 18;
  const issued = `Issued ${content.issuedAt.toISOString().slice(0, 10)} by ${content.payer.name} (version ${content.version}, ${content.formId}).`;
  for (const line of wrap(issued, fonts.regular, 7, WIDTH)) {
    page.drawText(line, { x: LEFT, y, size: 7, font: fonts.regular, color: INK });
    y -= 9;
  }
  return document.save({ useObjectStreams: false });
}

/** The payer and payee boxes down the left; answers their height. */
function drawParties(
  page: PDFPage,
  fonts: Fonts,
  content: TaxFormContent,
  at: { top: number; width: number; amountsHeight: number },
): number {
  const form = FORMS[content.type];
  const { payer, recipient } = content;
  let top = at.top;
  const row = (height: number, caption: string, values: string[], width = at.width, x = LEFT) => {
    box(page, fonts, { x, top, width, height }, caption, values);
  };
  row(
    96,
    `${form.payer}'S name, street address, city or town, state or province, country, ZIP or foreign postal code, and telephone no.`,
    [
      payer.name,
      payer.address.line1,
      ...(payer.address.line2 ? [payer.address.line2] : []),
      cityLine(payer.address),
      ...(payer.phone ? [payer.phone] : []),
    ],
  );
  top -= 96;
  const half = at.width / 2;
  row(30, `${form.payer}'S TIN`, [payer.tin], half);
  row(30, `${form.payee}'S TIN`, [recipient.tin ?? 'Not provided'], half, LEFT + half);
  top -= 30;
  row(30, `${form.payee}'S name`, [recipient.name]);
  top -= 30;
  const street = recipient.address
    ? [recipient.address.line1, recipient.address.line2].filter(Boolean).join(', ')
    : '';
  row(30, 'Street address (including apt. no.)', [street]);
  top -= 30;
  row(30, 'City or town, state or province, country, and ZIP or foreign postal code', [
    recipient.address ? `${cityLine(recipient.address)} US` : '',
  ]);
  top -= 30;
  if (content.type === 'us_1099_k') {
    box(
      page,
      fonts,
      { x: LEFT, top, width: at.width, height: 42 },
      'Check to indicate if FILER is a (an):',
    );
    checkBox(page, fonts, LEFT + 6, top - 22, 'Payment settlement entity (PSE)', false);
    checkBox(
      page,
      fonts,
      LEFT + 6,
      top - 34,
      'Electronic Payment Facilitator (EPF)/Other third party',
      true,
    );
    top -= 42;
    box(
      page,
      fonts,
      { x: LEFT, top, width: at.width, height: 30 },
      'Check to indicate transactions reported are:',
    );
    const x = checkBox(page, fonts, LEFT + 6, top - 22, 'Payment card', false);
    checkBox(page, fonts, x, top - 22, 'Third party network', true);
    top -= 30;
  }
  // The last box reaches down to the amounts' bottom, so the grid ends in one line.
  const accountHeight = Math.max(30, top - (at.top - at.amountsHeight));
  row(accountHeight, `${form.payee}'S account number (see instructions)`, [content.accountNumber]);
  return at.top - (top - accountHeight);
}

/** The numbered boxes beside and under the title block; answers their height. */
function drawAmounts(
  page: PDFPage,
  fonts: Fonts,
  content: TaxFormContent,
  at: { x: number; top: number; middleWidth: number; minHeight: number },
): number {
  const full = WIDTH - (at.x - LEFT);
  let top = at.top;
  const cell = (
    x: number,
    width: number,
    height: number,
    number: string,
    caption: string,
    value = '',
  ) =>
    box(page, fonts, { x, top, width, height }, caption, value ? [value] : [], {
      boldCaption: number,
    });
  if (content.type === 'us_1099_k') {
    cell(
      at.x,
      at.middleWidth,
      42,
      '1a',
      'Gross amount of payment card/third party network transactions',
      dollars(content.amount),
    );
    top -= 42;
    cell(at.x, at.middleWidth, 42, '1b', 'Card not present transactions', '');
    top -= 42;
    cell(at.x, at.middleWidth, 42, '2', 'Merchant category code', '');
    top -= 42;
    const half = full / 2;
    cell(
      at.x,
      half,
      30,
      '3',
      'Number of payment transactions',
      String(content.transactionCount ?? 0),
    );
    cell(at.x + half, half, 30, '4', 'Federal income tax withheld', dollars(0));
    top -= 30;
    const monthly = content.monthly ?? Array.from({ length: 12 }, () => 0);
    for (let pair = 0; pair < 6; pair += 1) {
      for (const side of [0, 1]) {
        const month = pair * 2 + side;
        cell(
          at.x + side * half,
          half,
          26,
          `5${String.fromCharCode(97 + month)}`,
          MONTHS[month]!,
          dollars(monthly[month]!),
        );
      }
      top -= 26;
    }
  } else {
    cell(at.x, at.middleWidth, 42, '1', 'Nonemployee compensation', dollars(content.amount));
    top -= 42;
    cell(
      at.x,
      at.middleWidth,
      42,
      '2',
      'Payer made direct sales totaling $5,000 or more of consumer products to recipient for resale',
    );
    top -= 42;
    cell(at.x, at.middleWidth, 42, '4', 'Federal income tax withheld', dollars(0));
    top -= 42;
  }
  const third = full / 3;
  const stateCaptions: Array<[string, string]> =
    content.type === 'us_1099_k'
      ? [
          ['6', 'State'],
          ['7', 'State identification no.'],
          ['8', 'State income tax withheld'],
        ]
      : [
          ['5', 'State tax withheld'],
          ['6', "State/Payer's state no."],
          ['7', 'State income'],
        ];
  // The state row reaches down to the payee's boxes, so the grid ends in one line.
  const stateHeight = Math.max(30, at.minHeight - (at.top - top));
  stateCaptions.forEach(([number, caption], index) =>
    cell(at.x + index * third, third, stateHeight, number, caption),
  );
  top -= stateHeight;
  return at.top - top;
}
