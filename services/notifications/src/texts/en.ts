import { taxFormName } from '../activity/formats.rules.js';
import {
  emailOfItem,
  interventionOfParams,
  recoveryOfParams,
  type InterventionChange,
} from '../risk/risk-facts.rules.js';
import type { Texts } from './texts.js';

/** A code's message: what it is for, how long it lasts, and the warning that goes with it. */
const code = (p: Record<string, string>, purpose: string, warning: string) =>
  `${p.code ?? ''} is your code to ${purpose}. It expires in ${p.minutes ?? '10'} minutes. ${warning}`;
const notYours = 'If you did not ask for it, someone may have your sign-in: do not share it.';

/** Why the risk settings stepped in, by the signal that asked for it. */
const SIGNAL_WHY: Readonly<Record<string, string>> = {
  dispute_rate: 'Many of your recent payments were disputed.',
  refund_rate: 'Many of your recent payments were refunded.',
  volume_change: 'Your sales grew much faster than usual.',
  payout_failures: 'Several payouts to your bank were returned.',
  negative_balance: 'Your balance has been negative for a while.',
};
const why = (c: InterventionChange) =>
  c.source === 'platform'
    ? `Your platform says: “${c.reason}”`
    : (SIGNAL_WHY[c.signal ?? ''] ?? 'Your platform is reviewing your account.');
/** What lifts an intervention, by how the account resolves it. */
const LIFTS: Readonly<Record<InterventionChange['resolution'], string>> = {
  upload_document: 'Upload an identity document in your dashboard: this lifts once it is verified.',
  confirm: 'Confirm your details in your dashboard to lift this.',
  answer: 'Answer your platform’s question in your dashboard to lift this.',
  none: 'Your platform lifts this once its review is done.',
};
const LIFTED: Readonly<Record<InterventionChange['kind'], string>> = {
  pause_payouts: 'Payout pause lifted',
  rolling_reserve: 'Rolling reserve lifted',
  require_document: 'Identity document request lifted',
  require_information: 'Information request lifted',
  disable_charges: 'Payment pause lifted',
};
const LIFTED_BY = {
  account: 'You resolved it.',
  platform: 'Your platform lifted it.',
  automatic: 'Your account’s activity is back to normal.',
};

const en: Texts = {
  templates: {
    'dashboard-ready': (p) => ({
      subject: `Your ${p.platformName ?? ''} dashboard is ready`.replace('  ', ' '),
      text: `Hi ${p.name ?? 'there'}, your dashboard is ready: ${p.url ?? ''}`.trim(),
    }),
    'login-code': (p) => ({
      subject: 'Your sign-in code',
      text: `${p.code ?? ''} is your sign-in code. It expires in ${p.minutes ?? '10'} minutes. Never share it.`,
    }),
    'confirm-contact': (p) => ({
      subject: 'Confirm your new contact details',
      text: code(
        p,
        'confirm this address for your dashboard',
        'If you did not ask for it, ignore this message.',
      ),
    }),
    'confirm-payout-details': (p) => ({
      subject: 'Confirm where your payouts go',
      text: code(p, 'change the bank account or card your payouts go to', notYours),
    }),
    'confirm-account-details': (p) => ({
      subject: 'Confirm changes to your details',
      text: code(
        p,
        'change your legal name, date of birth, ID number, address or company details',
        notYours,
      ),
    }),
    'confirm-account-close': (p) => ({
      subject: 'Confirm closing your account',
      text: code(
        p,
        'close your dashboard account for good',
        'If you did not ask for it, someone may have your sign-in: do not share it, and contact your platform now.',
      ),
    }),
    'confirm-tax-info': (p) => ({
      subject: 'Confirm your tax information',
      text: code(p, 'change your tax information (taxpayer id, legal name, address)', notYours),
    }),
    'approve-contact-change': (p) => ({
      subject: 'Approve a change to your contact details',
      text: code(p, 'approve changing the email or phone of your dashboard', notYours),
    }),
    // To the contact that was replaced: what changed, when and from where, so a takeover is noticed.
    'contact-changed': (p, f) => ({
      subject: p.what === 'phone' ? 'Your phone number was changed' : 'Your email was changed',
      text: `The ${p.what === 'phone' ? 'phone number' : 'email'} of your dashboard was changed at ${f.moment(p.at)} (${p.by === 'platform' ? 'by your platform, through its API' : `device: ${p.device || 'unknown'}, address: ${p.address || 'unknown'}`}). Payout details cannot be changed for 72 hours. If this was not you, contact your platform now.`,
    }),
    'payout-failed': (p) => ({
      subject: 'A payout failed',
      text: `Your payout of ${p.amount ?? ''} to ${p.destination ?? ''} was returned by the bank, and the money is back in your balance. Check your bank details in your dashboard: ${p.url ?? ''}`,
    }),
    'dispute-opened': (p) => ({
      subject: 'A payment was disputed',
      text: `A cardholder disputed a payment of ${p.amount ?? ''}. Respond in your dashboard by ${p.dueBy ?? ''}: ${p.url ?? ''}`,
    }),
    'requirements-due': (p) => ({
      subject: 'Your platform needs more information',
      text: `Provide ${p.fields ?? ''} by ${p.deadline ?? ''} to keep taking payments and receiving payouts. Add it in your dashboard: ${p.url ?? ''}`,
    }),
    // The notice electronic delivery of tax forms promises, with where to find the form.
    'tax-form-ready': (p) => {
      const form = `${p.corrected === 'true' ? 'corrected ' : ''}${p.year ?? ''} Form ${p.form ?? ''}`;
      return {
        subject: `Your ${form} is ready`,
        text: `Your ${form} is ready to download in your dashboard: ${p.url ?? ''} You agreed to receive your tax forms electronically; to withdraw that consent or ask for a paper copy, use Tax forms in your dashboard or contact your platform.`,
      };
    },
    // A risk intervention and a bank debit say by email what their activity items say.
    'risk-intervention': (p, f) => {
      const { change, inForce } = interventionOfParams(p);
      return emailOfItem(en.intervention(change, inForce, f), en.email.open, p.url);
    },
    'recovery-debit': (p, f) =>
      emailOfItem(
        en.activity['recovery_debit.updated'](recoveryOfParams(p), f),
        en.email.open,
        p.url,
      ),
  },
  email: {
    open: 'Open your dashboard',
    dashboard: 'Dashboard',
    questions: (platform) => `Questions? Contact ${platform}:`,
    sentBy: (platform) => `${platform} sent you this email about your account.`,
  },
  activity: {
    'account.closed': () => ({ title: 'Account closed', body: 'This account was closed.' }),
    'tax_form.available': (p) => ({
      title: `Your ${p.corrected ? 'corrected ' : ''}${p.taxYear} Form ${taxFormName(p.formType)} is ready`,
      body: 'Download it from Tax forms in your dashboard.',
    }),
    'charge.refunded': (p, f) => ({
      title: 'Refund sent',
      body: `${f.money(p.amount, p.currency)} went back to the customer${p.requestedBy === 'platform' ? ' (refunded by your platform)' : ''}.`,
    }),
    'payout.created': (p, f) => ({
      title: 'Payout started',
      body: `${f.money(p.amount, p.currency)} to ${p.destination}${p.method === 'instant' ? ', instantly' : ''}.`,
    }),
    'payout.upcoming': (p, f) => ({
      title: 'Upcoming payout',
      body: `${f.money(p.amount, p.currency)} is on its way to ${p.destination}, expected ${f.day(p.arrivalDate)}.`,
    }),
    'payout.paid': (p, f) => ({
      title: 'Payout paid',
      body: `${f.money(p.amount, p.currency)} arrived at ${p.destination}.`,
    }),
    'payout.failed': (p, f) => ({
      title: 'Payout failed',
      body: `${f.money(p.amount, p.currency)} to ${p.destination} was returned: ${p.failureMessage} The money is back in your balance; check your bank details.`,
    }),
    'payout.canceled': (p, f) => ({
      title: 'Payout canceled',
      body: `${f.money(p.amount, p.currency)} is back in your balance.`,
    }),
    // A change to where payouts go, as the account reads it; a change it did not make stands out.
    'external_account.updated': (p) => {
      const thing = p.kind === 'card' ? 'debit card' : 'bank account';
      const Thing = p.kind === 'card' ? 'Debit card' : 'Bank account';
      const currency = p.currency.toUpperCase();
      const who = p.by === 'platform' ? 'Your platform' : 'You';
      const notYou = ' If this was not you, contact your platform now.';
      switch (p.change) {
        case 'default_changed':
          return {
            title: `Your default ${thing} for ${currency} changed`,
            body: `${currency} payouts now go to the ${thing} ending ${p.last4} (${p.by === 'platform' ? 'chosen by your platform' : 'chosen by you'}).${notYou}`,
          };
        case 'removed':
          return {
            title: `${Thing} removed`,
            body: `${who} removed the ${thing} ending ${p.last4} (${currency}).${notYou}`,
          };
        case 'updated':
          return {
            title: `${Thing} added again`,
            body: `${who} added the ${thing} ending ${p.last4} (${currency}) again: payouts go to it once more.`,
          };
        case 'errored':
          return {
            title: `Action needed: ${thing} ending ${p.last4}`,
            body: `A payout to it was returned: ${p.failureMessage ?? 'the bank refused it.'} Replace it, or add it again once your bank has fixed it.`,
          };
        default:
          return {
            title:
              p.kind === 'card'
                ? 'Debit card for payouts changed'
                : 'Bank account for payouts changed',
            body: `${who} ${p.change === 'replaced' ? 'replaced' : 'added'} the ${p.kind === 'card' ? 'card' : 'bank account'} ending ${p.last4} (${currency}).${notYou}`,
          };
      }
    },
    'payout_schedule.updated': (p, f) => {
      const when = {
        daily: 'every day',
        weekly: `every ${f.weekday(p.weeklyAnchor)}`,
        monthly: `monthly, on day ${p.monthlyAnchor}`,
        manual: 'manual: only when asked for',
      }[p.interval];
      return {
        title: 'Payout schedule changed',
        body: `${p.by === 'platform' ? 'Your platform' : 'You'} set payouts to ${when}.`,
      };
    },
    'dispute.created': (p, f) => ({
      title: p.status.startsWith('warning_')
        ? 'A cardholder asked about a payment'
        : 'A payment was disputed',
      body: `${f.money(p.amount, p.currency)} for ${p.chargeId}. Respond by ${f.day(p.evidenceDueBy)}.`,
    }),
    'dispute.funds_withdrawn': (p, f) => ({
      title: 'Dispute: funds withdrawn',
      body: `${f.money(p.amount, p.currency)} and a ${f.money(p.fee, p.currency)} dispute fee were taken from your balance while the dispute is open.`,
    }),
    'dispute.updated': () => ({
      title: 'Dispute evidence submitted',
      body: 'The card network is reviewing your evidence.',
    }),
    'dispute.closed': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      if (p.status === 'won')
        return { title: 'You won a dispute', body: `${amount} comes back to your balance.` };
      if (p.status === 'lost')
        return { title: 'You lost a dispute', body: `${amount} stays with the cardholder.` };
      return { title: 'Inquiry closed', body: 'No money moved.' };
    },
    'dispute.funds_reinstated': (p, f) => ({
      title: 'Dispute: funds returned',
      body: `${f.money(p.amount, p.currency)} is back in your balance.`,
    }),
    'recovery_debit.updated': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      const bank = p.destination || 'your bank account';
      switch (p.status) {
        case 'pending':
          return {
            title: 'Recovering your negative balance',
            body: `We’re debiting ${amount} from ${bank} to cover your negative balance.${p.attempt > 1 ? ` Attempt ${p.attempt}.` : ''}`,
          };
        case 'succeeded':
          return {
            title: 'Negative balance covered',
            body: `${amount} was debited from ${bank}: your balance is no longer negative.`,
          };
        case 'retrying':
          return {
            title: 'Bank debit failed',
            body: `The debit of ${amount} from ${bank} failed: ${p.failureMessage ?? 'the bank refused it.'} We’ll try again on ${f.day(p.nextAttemptAt)}; add funds in your dashboard to settle it sooner.`,
          };
        default:
          return {
            title: 'Negative balance not recovered',
            body: `We could not debit ${amount} from ${bank}${p.failureMessage ? `: ${p.failureMessage}` : '.'} Your platform covered what you owed and may contact you about it.`,
          };
      }
    },
  },
  detailsChanged: (by, fields) => ({
    title: 'Account details updated',
    body: `${by === 'platform' ? 'Your platform changed' : 'You changed'}: ${fields}.`,
  }),
  requirements: (state, fields, f) => {
    if (state.currentlyDue.length > 0)
      return {
        title: state.payoutsEnabled ? 'More information needed' : 'Payouts are paused',
        body: `Provide ${fields} to turn payouts back on.${
          state.chargesEnabled && state.currentDeadline
            ? ` You can take payments until ${f.day(state.currentDeadline)}; your balance keeps growing meanwhile.`
            : state.chargesEnabled
              ? ' Your balance keeps growing meanwhile.'
              : ' Payments are paused too.'
        }`,
      };
    if (state.pendingVerification.length > 0)
      return { title: 'Verifying your details', body: 'Payouts start once the check is done.' };
    return {
      title: 'Account verified',
      body: state.payoutsEnabled ? 'Charges and payouts are on.' : 'Charges are on.',
    };
  },
  intervention: (c, inForce) => {
    if (c.action === 'placed') {
      const percent = c.reservePercent ?? 0;
      const days = c.reserveDays ?? 0;
      const then = `${why(c)} ${c.kind === 'disable_charges' ? 'You cannot take payments, and payouts wait.' : 'Payouts wait; you can still take payments.'} ${LIFTS[c.resolution]}`;
      switch (c.kind) {
        case 'rolling_reserve':
          return {
            title: `A rolling reserve of ${percent}% for ${days} days`,
            body: `${why(c)} ${percent}% of each payment is held for ${days} days, then added to your balance. Payouts continue; your platform lifts the reserve once its review is done.`,
          };
        case 'disable_charges':
          return { title: 'Payments and payouts paused', body: then };
        case 'require_document':
          return { title: 'Payouts paused: identity document needed', body: then };
        case 'require_information':
          return {
            title:
              c.resolution === 'answer'
                ? 'Payouts paused: a question for you'
                : 'Payouts paused: confirm your details',
            body: then,
          };
        default:
          return { title: 'Payouts paused', body: then };
      }
    }
    const by = LIFTED_BY[c.liftedBy ?? 'platform'];
    if (c.kind === 'rolling_reserve')
      return {
        title: LIFTED[c.kind],
        body: `${by} New payments are no longer held; what is held is still added to your balance on schedule.`,
      };
    const charges =
      c.kind === 'disable_charges' && !inForce?.chargesDisabled
        ? ' You can take payments again.'
        : '';
    const payouts = inForce?.payoutsPaused
      ? ' Payouts stay paused while another review is open.'
      : ' Payouts resume.';
    return { title: LIFTED[c.kind], body: `${by}${charges}${payouts}` };
  },
  fields: {
    email: 'email address',
    phone: 'phone number',
    displayName: 'account name',
    statementDescriptor: 'statement descriptor',
    defaultCurrency: 'default currency',
    businessType: 'business type',
    'businessProfile.name': 'business name',
    'businessProfile.url': 'website',
    'businessProfile.supportEmail': 'support email',
    'businessProfile.supportPhone': 'support phone',
    'businessProfile.supportAddress': 'support address',
    external_account: 'a bank account',
    tos_acceptance: 'acceptance of the services agreement',
    'business_profile.product_description': 'what you sell',
    'person.legal_name': 'legal name',
    'person.dob': 'date of birth',
    'person.id_number': 'id number',
    'person.address': 'address',
    'person.title': 'job title',
    'person.verification.document': 'an identity document',
    'company.name': 'company name',
    'company.tax_id': 'tax id',
    'company.phone': 'business phone number',
    'company.address': 'company address',
    'company.verification.document': 'a company document',
    owners: 'owners',
  },
};

export default en;
