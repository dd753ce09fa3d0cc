import { taxFormName } from '../activity/formats.rules.js';
import {
  emailOfItem,
  interventionOfParams,
  recoveryOfParams,
  type InterventionChange,
} from '../risk/risk-facts.rules.js';
import type { Texts } from './texts.js';

const code = (p: Record<string, string>, purpose: string, warning: string) =>
  `${p.code ?? ''} ist Ihr Code, um ${purpose}. Er ist ${p.minutes ?? '10'} Minuten gültig. ${warning}`;
const notYours =
  'Wenn Sie ihn nicht angefordert haben, kennt womöglich jemand Ihre Anmeldedaten: Geben Sie ihn nicht weiter.';
const notYou = ' Wenn Sie das nicht waren, wenden Sie sich sofort an Ihre Plattform.';

/** Why the risk settings stepped in, by the signal that asked for it. */
const SIGNAL_WHY: Readonly<Record<string, string>> = {
  dispute_rate: 'Viele Ihrer letzten Zahlungen wurden angefochten.',
  refund_rate: 'Viele Ihrer letzten Zahlungen wurden erstattet.',
  volume_change: 'Ihre Umsätze sind viel schneller gewachsen als üblich.',
  payout_failures: 'Mehrere Auszahlungen an Ihre Bank wurden zurückgewiesen.',
  negative_balance: 'Ihr Guthaben ist seit einiger Zeit negativ.',
};
const why = (c: InterventionChange) =>
  c.source === 'platform'
    ? `Ihre Plattform teilt mit: „${c.reason}“`
    : (SIGNAL_WHY[c.signal ?? ''] ?? 'Ihre Plattform prüft Ihr Konto.');
/** What lifts an intervention, by how the account resolves it. */
const LIFTS: Readonly<Record<InterventionChange['resolution'], string>> = {
  upload_document:
    'Laden Sie in Ihrem Dashboard ein Ausweisdokument hoch: Sobald es geprüft ist, wird dies aufgehoben.',
  confirm: 'Bestätigen Sie Ihre Angaben in Ihrem Dashboard, um dies aufzuheben.',
  answer: 'Beantworten Sie die Frage Ihrer Plattform in Ihrem Dashboard, um dies aufzuheben.',
  none: 'Ihre Plattform hebt dies nach Abschluss ihrer Prüfung auf.',
};
const LIFTED: Readonly<Record<InterventionChange['kind'], string>> = {
  pause_payouts: 'Auszahlungspause aufgehoben',
  rolling_reserve: 'Rollierende Reserve aufgehoben',
  require_document: 'Anforderung eines Ausweisdokuments aufgehoben',
  require_information: 'Anforderung von Angaben aufgehoben',
  disable_charges: 'Zahlungspause aufgehoben',
};
const LIFTED_BY = {
  account: 'Sie haben es erledigt.',
  platform: 'Ihre Plattform hat es aufgehoben.',
  automatic: 'Die Aktivität Ihres Kontos ist wieder normal.',
};

const de: Texts = {
  templates: {
    'dashboard-ready': (p) => ({
      subject: `Ihr ${p.platformName ?? ''} Dashboard ist bereit`.replace('  ', ' '),
      text: `${p.name ? `Hallo ${p.name}` : 'Hallo'}, Ihr Dashboard ist bereit: ${p.url ?? ''}`.trim(),
    }),
    'login-code': (p) => ({
      subject: 'Ihr Anmeldecode',
      text: `${p.code ?? ''} ist Ihr Anmeldecode. Er ist ${p.minutes ?? '10'} Minuten gültig. Geben Sie ihn niemals weiter.`,
    }),
    'confirm-contact': (p) => ({
      subject: 'Bestätigen Sie Ihre neuen Kontaktdaten',
      text: code(
        p,
        'diese Adresse für Ihr Dashboard zu bestätigen',
        'Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht.',
      ),
    }),
    'confirm-payout-details': (p) => ({
      subject: 'Bestätigen Sie, wohin Ihre Auszahlungen gehen',
      text: code(p, 'das Bankkonto oder die Karte für Ihre Auszahlungen zu ändern', notYours),
    }),
    'confirm-account-details': (p) => ({
      subject: 'Bestätigen Sie Änderungen an Ihren Angaben',
      text: code(
        p,
        'Ihren rechtlichen Namen, Ihr Geburtsdatum, Ihre Ausweisnummer, Ihre Adresse oder Ihre Unternehmensangaben zu ändern',
        notYours,
      ),
    }),
    'confirm-account-close': (p) => ({
      subject: 'Bestätigen Sie die Schließung Ihres Kontos',
      text: code(
        p,
        'Ihr Dashboard-Konto endgültig zu schließen',
        'Wenn Sie ihn nicht angefordert haben, kennt womöglich jemand Ihre Anmeldedaten: Geben Sie ihn nicht weiter, und wenden Sie sich sofort an Ihre Plattform.',
      ),
    }),
    'confirm-tax-info': (p) => ({
      subject: 'Bestätigen Sie Ihre Steuerangaben',
      text: code(
        p,
        'Ihre Steuerangaben (Steuer-ID, rechtlicher Name, Adresse) zu ändern',
        notYours,
      ),
    }),
    'approve-contact-change': (p) => ({
      subject: 'Genehmigen Sie eine Änderung Ihrer Kontaktdaten',
      text: code(
        p,
        'die Änderung der E-Mail-Adresse oder Telefonnummer Ihres Dashboards zu genehmigen',
        notYours,
      ),
    }),
    'contact-changed': (p, f) => ({
      subject:
        p.what === 'phone'
          ? 'Ihre Telefonnummer wurde geändert'
          : 'Ihre E-Mail-Adresse wurde geändert',
      text: `Die ${p.what === 'phone' ? 'Telefonnummer' : 'E-Mail-Adresse'} Ihres Dashboards wurde am ${f.moment(p.at)} geändert (${p.by === 'platform' ? 'von Ihrer Plattform über ihre API' : `Gerät: ${p.device || 'unbekannt'}, Adresse: ${p.address || 'unbekannt'}`}). Die Auszahlungsdaten können 72 Stunden lang nicht geändert werden. Wenn Sie das nicht waren, wenden Sie sich sofort an Ihre Plattform.`,
    }),
    'payout-failed': (p) => ({
      subject: 'Eine Auszahlung ist fehlgeschlagen',
      text: `Ihre Auszahlung über ${p.amount ?? ''} an ${p.destination ?? ''} wurde von der Bank zurückgegeben, und das Geld ist wieder in Ihrem Saldo. Prüfen Sie Ihre Bankdaten in Ihrem Dashboard: ${p.url ?? ''}`,
    }),
    'dispute-opened': (p) => ({
      subject: 'Eine Zahlung wurde angefochten',
      text: `Ein Karteninhaber hat eine Zahlung über ${p.amount ?? ''} angefochten. Antworten Sie bis ${p.dueBy ?? ''} in Ihrem Dashboard: ${p.url ?? ''}`,
    }),
    'requirements-due': (p) => ({
      subject: 'Ihre Plattform benötigt weitere Angaben',
      text: `Ergänzen Sie bis ${p.deadline ?? ''}: ${p.fields ?? ''}. So können Sie weiterhin Zahlungen annehmen und Auszahlungen erhalten. Ergänzen Sie die Angaben in Ihrem Dashboard: ${p.url ?? ''}`,
    }),
    'tax-form-ready': (p) => {
      const form = `${p.corrected === 'true' ? 'korrigiertes ' : ''}Formular ${p.form ?? ''} für ${p.year ?? ''}`;
      return {
        subject: `Ihr ${form} ist bereit`,
        text: `Ihr ${form} steht in Ihrem Dashboard zum Herunterladen bereit: ${p.url ?? ''} Sie haben zugestimmt, Ihre Steuerformulare elektronisch zu erhalten; um diese Zustimmung zu widerrufen oder eine Papierkopie anzufordern, nutzen Sie „Steuerformulare“ in Ihrem Dashboard oder wenden Sie sich an Ihre Plattform.`,
      };
    },
    // A risk intervention and a bank debit say by email what their activity items say.
    'risk-intervention': (p, f) => {
      const { change, inForce } = interventionOfParams(p);
      return emailOfItem(de.intervention(change, inForce, f), de.email.open, p.url);
    },
    'recovery-debit': (p, f) =>
      emailOfItem(
        de.activity['recovery_debit.updated'](recoveryOfParams(p), f),
        de.email.open,
        p.url,
      ),
  },
  email: {
    open: 'Dashboard öffnen',
    dashboard: 'Dashboard',
    questions: (platform) => `Fragen? Wenden Sie sich an ${platform}:`,
    sentBy: (platform) => `${platform} hat Ihnen diese E-Mail zu Ihrem Konto gesendet.`,
  },
  activity: {
    'account.closed': () => ({
      title: 'Konto geschlossen',
      body: 'Dieses Konto wurde geschlossen.',
    }),
    'tax_form.available': (p) => ({
      title: `Ihr ${p.corrected ? 'korrigiertes ' : ''}Formular ${taxFormName(p.formType)} für ${p.taxYear} ist bereit`,
      body: 'Laden Sie es unter „Steuerformulare“ in Ihrem Dashboard herunter.',
    }),
    'charge.refunded': (p, f) => ({
      title: 'Erstattung gesendet',
      body: `${f.money(p.amount, p.currency)} ging an die Kundschaft zurück${p.requestedBy === 'platform' ? ' (erstattet von Ihrer Plattform)' : ''}.`,
    }),
    'payout.created': (p, f) => ({
      title: 'Auszahlung gestartet',
      body: `${f.money(p.amount, p.currency)} an ${p.destination}${p.method === 'instant' ? ', sofort' : ''}.`,
    }),
    'payout.upcoming': (p, f) => ({
      title: 'Anstehende Auszahlung',
      body: `${f.money(p.amount, p.currency)} ist unterwegs an ${p.destination}, erwartet am ${f.day(p.arrivalDate)}.`,
    }),
    'payout.paid': (p, f) => ({
      title: 'Auszahlung eingegangen',
      body: `${f.money(p.amount, p.currency)} ist bei ${p.destination} eingegangen.`,
    }),
    'payout.failed': (p, f) => ({
      title: 'Auszahlung fehlgeschlagen',
      body: `${f.money(p.amount, p.currency)} an ${p.destination} wurde zurückgegeben: ${p.failureMessage} Das Geld ist wieder in Ihrem Saldo; prüfen Sie Ihre Bankdaten.`,
    }),
    'payout.canceled': (p, f) => ({
      title: 'Auszahlung storniert',
      body: `${f.money(p.amount, p.currency)} ist wieder in Ihrem Saldo.`,
    }),
    'external_account.updated': (p) => {
      const card = p.kind === 'card';
      const thing = card ? 'Debitkarte' : 'Bankkonto';
      // Die Debitkarte, das Bankkonto: the article follows the word.
      const the = card ? 'die' : 'das';
      const currency = p.currency.toUpperCase();
      const who = p.by === 'platform' ? 'Ihre Plattform hat' : 'Sie haben';
      switch (p.change) {
        case 'default_changed':
          return {
            title: `${card ? 'Ihre Standard-Debitkarte' : 'Ihr Standard-Bankkonto'} für ${currency} wurde geändert`,
            body: `Auszahlungen in ${currency} gehen jetzt an ${the} ${thing} mit der Endung ${p.last4} (${p.by === 'platform' ? 'gewählt von Ihrer Plattform' : 'von Ihnen gewählt'}).${notYou}`,
          };
        case 'removed':
          return {
            title: `${thing} entfernt`,
            body: `${who} ${the} ${thing} mit der Endung ${p.last4} (${currency}) entfernt.${notYou}`,
          };
        case 'updated':
          return {
            title: `${thing} erneut hinzugefügt`,
            body: `${who} ${the} ${thing} mit der Endung ${p.last4} (${currency}) erneut hinzugefügt: Auszahlungen gehen wieder dorthin.`,
          };
        case 'errored':
          return {
            title: `Handlungsbedarf: ${thing} mit der Endung ${p.last4}`,
            body: `Eine Auszahlung dorthin wurde zurückgegeben: ${p.failureMessage ?? 'Die Bank hat sie abgelehnt.'} Ersetzen Sie ${card ? 'sie' : 'es'}, oder fügen Sie ${card ? 'sie' : 'es'} erneut hinzu, sobald Ihre Bank das Problem behoben hat.`,
          };
        default:
          return {
            title: `${card ? 'Debitkarte' : 'Bankkonto'} für Auszahlungen geändert`,
            body: `${who} ${the} ${thing} mit der Endung ${p.last4} (${currency}) ${p.change === 'replaced' ? 'ersetzt' : 'hinzugefügt'}.${notYou}`,
          };
      }
    },
    'payout_schedule.updated': (p, f) => {
      const when = {
        daily: 'täglich',
        weekly: `jeden ${f.weekday(p.weeklyAnchor)}`,
        monthly: `monatlich am ${p.monthlyAnchor}. Tag`,
        manual: 'manuell: nur auf Anforderung',
      }[p.interval];
      return {
        title: 'Auszahlungsplan geändert',
        body: `${p.by === 'platform' ? 'Ihre Plattform hat' : 'Sie haben'} Auszahlungen auf „${when}“ gestellt.`,
      };
    },
    'dispute.created': (p, f) => ({
      title: p.status.startsWith('warning_')
        ? 'Ein Karteninhaber hat eine Zahlung hinterfragt'
        : 'Eine Zahlung wurde angefochten',
      body: `${f.money(p.amount, p.currency)} für ${p.chargeId}. Antworten Sie bis ${f.day(p.evidenceDueBy)}.`,
    }),
    'dispute.funds_withdrawn': (p, f) => ({
      title: 'Anfechtung: Betrag abgezogen',
      body: `${f.money(p.amount, p.currency)} und eine Anfechtungsgebühr von ${f.money(p.fee, p.currency)} wurden für die Dauer der Anfechtung von Ihrem Saldo abgezogen.`,
    }),
    'dispute.updated': () => ({
      title: 'Nachweise zur Anfechtung eingereicht',
      body: 'Das Kartennetzwerk prüft Ihre Nachweise.',
    }),
    'dispute.closed': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      if (p.status === 'won')
        return {
          title: 'Sie haben eine Anfechtung gewonnen',
          body: `${amount} kommt zurück in Ihren Saldo.`,
        };
      if (p.status === 'lost')
        return {
          title: 'Sie haben eine Anfechtung verloren',
          body: `${amount} verbleibt beim Karteninhaber.`,
        };
      return { title: 'Anfrage abgeschlossen', body: 'Es wurde kein Geld bewegt.' };
    },
    'dispute.funds_reinstated': (p, f) => ({
      title: 'Anfechtung: Betrag zurückgebucht',
      body: `${f.money(p.amount, p.currency)} ist wieder in Ihrem Saldo.`,
    }),
    'recovery_debit.updated': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      const bank = p.destination || 'Ihrem Bankkonto';
      switch (p.status) {
        case 'pending':
          return {
            title: 'Ihr negatives Guthaben wird ausgeglichen',
            body: `Wir buchen ${amount} von ${bank} ab, um Ihr negatives Guthaben auszugleichen.${p.attempt > 1 ? ` Versuch ${p.attempt}.` : ''}`,
          };
        case 'succeeded':
          return {
            title: 'Negatives Guthaben ausgeglichen',
            body: `${amount} wurde von ${bank} abgebucht: Ihr Guthaben ist nicht mehr negativ.`,
          };
        case 'retrying':
          return {
            title: 'Lastschrift fehlgeschlagen',
            body: `Die Abbuchung von ${amount} von ${bank} ist fehlgeschlagen: ${p.failureMessage ?? 'Die Bank hat sie abgelehnt.'} Wir versuchen es am ${f.day(p.nextAttemptAt)} erneut; zahlen Sie in Ihrem Dashboard Geld ein, um es früher auszugleichen.`,
          };
        default:
          return {
            title: 'Negatives Guthaben nicht ausgeglichen',
            body: `Wir konnten ${amount} nicht von ${bank} abbuchen${p.failureMessage ? `: ${p.failureMessage}` : '.'} Ihre Plattform hat den offenen Betrag übernommen und meldet sich eventuell dazu bei Ihnen.`,
          };
      }
    },
  },
  detailsChanged: (by, fields) => ({
    title: 'Kontoangaben aktualisiert',
    body: `${by === 'platform' ? 'Ihre Plattform hat geändert' : 'Sie haben geändert'}: ${fields}.`,
  }),
  requirements: (state, fields, f) => {
    if (state.currentlyDue.length > 0)
      return {
        title: state.payoutsEnabled ? 'Weitere Angaben erforderlich' : 'Auszahlungen sind pausiert',
        body: `Ergänzen Sie: ${fields}. Dann werden Auszahlungen wieder aktiviert.${
          state.chargesEnabled && state.currentDeadline
            ? ` Bis ${f.day(state.currentDeadline)} können Sie Zahlungen annehmen; Ihr Saldo wächst in der Zwischenzeit weiter.`
            : state.chargesEnabled
              ? ' Ihr Saldo wächst in der Zwischenzeit weiter.'
              : ' Auch Zahlungen sind pausiert.'
        }`,
      };
    if (state.pendingVerification.length > 0)
      return {
        title: 'Ihre Angaben werden geprüft',
        body: 'Auszahlungen beginnen, sobald die Prüfung abgeschlossen ist.',
      };
    return {
      title: 'Konto verifiziert',
      body: state.payoutsEnabled
        ? 'Zahlungen und Auszahlungen sind aktiviert.'
        : 'Zahlungen sind aktiviert.',
    };
  },
  intervention: (c, inForce) => {
    if (c.action === 'placed') {
      const percent = c.reservePercent ?? 0;
      const days = c.reserveDays ?? 0;
      const then = `${why(c)} ${c.kind === 'disable_charges' ? 'Sie können keine Zahlungen annehmen, und Auszahlungen warten.' : 'Auszahlungen warten; Zahlungen können Sie weiter annehmen.'} ${LIFTS[c.resolution]}`;
      switch (c.kind) {
        case 'rolling_reserve':
          return {
            title: `Eine rollierende Reserve von ${percent} % für ${days} Tage`,
            body: `${why(c)} ${percent} % jeder Zahlung werden ${days} Tage einbehalten und dann Ihrem Guthaben gutgeschrieben. Auszahlungen laufen weiter; Ihre Plattform hebt die Reserve nach Abschluss ihrer Prüfung auf.`,
          };
        case 'disable_charges':
          return { title: 'Zahlungen und Auszahlungen pausiert', body: then };
        case 'require_document':
          return { title: 'Auszahlungen pausiert: Ausweisdokument erforderlich', body: then };
        case 'require_information':
          return {
            title:
              c.resolution === 'answer'
                ? 'Auszahlungen pausiert: eine Frage an Sie'
                : 'Auszahlungen pausiert: Angaben bestätigen',
            body: then,
          };
        default:
          return { title: 'Auszahlungen pausiert', body: then };
      }
    }
    const by = LIFTED_BY[c.liftedBy ?? 'platform'];
    if (c.kind === 'rolling_reserve')
      return {
        title: LIFTED[c.kind],
        body: `${by} Neue Zahlungen werden nicht mehr einbehalten; Einbehaltenes wird weiterhin planmäßig Ihrem Guthaben gutgeschrieben.`,
      };
    const charges =
      c.kind === 'disable_charges' && !inForce?.chargesDisabled
        ? ' Sie können wieder Zahlungen annehmen.'
        : '';
    const payouts = inForce?.payoutsPaused
      ? ' Auszahlungen bleiben pausiert, solange eine andere Prüfung läuft.'
      : ' Auszahlungen laufen wieder.';
    return { title: LIFTED[c.kind], body: `${by}${charges}${payouts}` };
  },
  fields: {
    email: 'E-Mail-Adresse',
    phone: 'Telefonnummer',
    displayName: 'Kontoname',
    statementDescriptor: 'Abrechnungsbeschreibung',
    defaultCurrency: 'Standardwährung',
    businessType: 'Unternehmensform',
    'businessProfile.name': 'Name des Unternehmens',
    'businessProfile.url': 'Website',
    'businessProfile.supportEmail': 'Support-E-Mail',
    'businessProfile.supportPhone': 'Support-Telefonnummer',
    'businessProfile.supportAddress': 'Support-Adresse',
    external_account: 'ein Bankkonto',
    tos_acceptance: 'Zustimmung zur Servicevereinbarung',
    'business_profile.product_description': 'was Sie verkaufen',
    'person.legal_name': 'rechtlicher Name',
    'person.dob': 'Geburtsdatum',
    'person.id_number': 'Ausweisnummer',
    'person.address': 'Adresse',
    'person.title': 'Funktion',
    'person.verification.document': 'ein Ausweisdokument',
    'company.name': 'Name des Unternehmens',
    'company.tax_id': 'Steuernummer',
    'company.phone': 'Telefonnummer des Unternehmens',
    'company.address': 'Adresse des Unternehmens',
    'company.verification.document': 'ein Unternehmensnachweis',
    owners: 'Eigentümer',
  },
};

export default de;
