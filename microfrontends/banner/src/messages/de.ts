import type { Messages } from '../messages.js';

const de: Messages = {
  banner: {
    dueTitle: 'Ihre Plattform benötigt weitere Angaben',
    dueBody:
      'Ergänzen Sie bis {date}: {fields}. So können Sie weiterhin Zahlungen annehmen und Auszahlungen erhalten.',
    dueBodyNoDate:
      'Ergänzen Sie: {fields}. So können Sie weiterhin Zahlungen annehmen und Auszahlungen erhalten.',
    pastDueTitle: 'Zahlungen und Auszahlungen sind pausiert',
    pastDueBody: 'Ergänzen Sie: {fields}. Dann werden sie wieder aktiviert.',
    payoutsPausedTitle: 'Auszahlungen sind pausiert',
    payoutsPausedBody:
      'Ergänzen Sie: {fields}. Dann werden Auszahlungen wieder aktiviert. Bis {date} können Sie Zahlungen annehmen, und Ihr Saldo wächst in der Zwischenzeit weiter.',
    payoutsPausedBodyNoDate:
      'Ergänzen Sie: {fields}. Dann werden Auszahlungen wieder aktiviert. Ihr Saldo wächst in der Zwischenzeit weiter.',
    verifyingTitle: 'Auszahlungen beginnen, sobald Ihre Angaben geprüft sind',
    verifyingBody:
      'Wir prüfen die Angaben, die Sie gemacht haben. Ihr Saldo wächst in der Zwischenzeit weiter.',
    provide: 'Angaben ergänzen',
    setupTitle: 'Schließen Sie die Einrichtung Ihres Kontos ab',
    setupBody:
      'Ihre Plattform benötigt noch einige Angaben, bevor Sie Zahlungen annehmen und Auszahlungen erhalten können.',
    continueSetup: 'Einrichtung fortsetzen',
    andMore: '{fields} und {count} weitere',
    by: 'Bis {date}',
    act: 'Jetzt handeln',
    listSeparator: ', ',
    risk: {
      titles: {
        pause_payouts: 'Auszahlungen sind pausiert',
        rolling_reserve: 'Eine rollierende Reserve von {percent} % für {days} Tage',
        require_document: 'Auszahlungen pausiert: Laden Sie ein Ausweisdokument hoch',
        require_information: 'Auszahlungen pausiert: Bestätigen Sie Ihre Angaben',
        answer: 'Auszahlungen pausiert: Beantworten Sie eine Frage Ihrer Plattform',
        disable_charges: 'Zahlungen und Auszahlungen sind pausiert',
      },
      why: {
        dispute_rate: 'Viele Ihrer letzten Zahlungen wurden angefochten.',
        refund_rate: 'Viele Ihrer letzten Zahlungen wurden erstattet.',
        volume_change: 'Ihre Umsätze sind viel schneller gewachsen als üblich.',
        payout_failures: 'Mehrere Auszahlungen an Ihre Bank wurden zurückgewiesen.',
        negative_balance: 'Ihr Guthaben ist seit einiger Zeit negativ.',
        other: 'Ihre Plattform prüft Ihr Konto.',
      },
      platformSays: 'Ihre Plattform teilt mit: „{reason}“',
      effects: {
        payouts: 'Auszahlungen warten; Zahlungen können Sie weiter annehmen.',
        charges: 'Sie können keine Zahlungen annehmen, und Auszahlungen warten.',
        reserve:
          '{percent} % jeder Zahlung werden {days} Tage einbehalten und dann Ihrem Guthaben gutgeschrieben. Auszahlungen laufen weiter.',
      },
      lifts: {
        upload_document:
          'Laden Sie ein Ausweisdokument hoch: Sobald es geprüft ist, wird dies aufgehoben.',
        confirm: 'Bestätigen Sie, dass Ihre Angaben und Ihr Bankkonto stimmen, um dies aufzuheben.',
        answer: 'Beantworten Sie die Frage, um dies aufzuheben.',
        none: 'Ihre Plattform hebt dies nach Abschluss ihrer Prüfung auf.',
      },
      documentType: 'Art des Dokuments',
      page: 'Foto oder Scan des Dokuments',
      front: 'Vorderseite des Dokuments',
      back: 'Rückseite des Dokuments',
      hint: 'JPEG, PNG oder PDF, höchstens 10 MB. Alle vier Ecken sichtbar, nichts verdeckt.',
      sendDocument: 'Dokument senden',
      sending: 'Wird gesendet …',
      upload: 'Dokument hochladen',
      documentSent: 'Dokument gesendet. Auszahlungen laufen wieder, sobald es geprüft ist.',
      confirm: 'Meine Angaben stimmen',
      answerLabel: 'Ihre Antwort',
      answerHint: 'Mindestens 10 Zeichen.',
      sendAnswer: 'Antwort senden',
      resolved: 'Danke. Auszahlungen laufen wieder, sobald nichts anderes sie aufhält.',
      refusals: {
        INTERVENTION_NOT_ACTIVE: 'Das ist bereits erledigt.',
        WRONG_RESOLUTION: 'Das lässt sich so nicht erledigen.',
        UNKNOWN: 'Das hat nicht geklappt. Versuchen Sie es erneut.',
      },
    },
    fields: {
      business_type: 'Unternehmensform',
      business_profile_name: 'Name des Unternehmens',
      business_profile_url: 'Website',
      business_profile_support_email: 'Support-E-Mail',
      phone: 'Telefonnummer',
      statement_descriptor: 'Abrechnungsbeschreibung',
      external_account: 'Bankkonto',
      tos_acceptance_date: 'Zustimmung zur Servicevereinbarung',
      tos_acceptance_ip: 'Zustimmung zur Servicevereinbarung',
      individual_id_number: 'Ausweisnummer',
      representative_id_number: 'Ausweisnummer der vertretungsberechtigten Person',
      individual_dob: 'Geburtsdatum',
      individual_address_line1: 'Adresse',
      company_tax_id: 'Steuernummer des Unternehmens',
      company_owners_provided: 'Eigentümer des Unternehmens',
      individual_verification_document: 'Ausweisdokument',
      representative_verification_document: 'Ausweisdokument der vertretungsberechtigten Person',
      company_verification_document: 'Unternehmensnachweis',
    },
  },
};

export default de;
