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
