import type { SharedMessages } from '../messages.js';

const de: SharedMessages = {
  nav: {
    home: 'Startseite',
    payments: 'Zahlungen',
    payouts: 'Auszahlungen',
    disputes: 'Anfechtungen',
    activity: 'Aktivität',
    settings: 'Einstellungen',
    tax: 'Steuerformulare',
    menu: 'Menü',
  },
  common: {
    loading: 'Wird geladen…',
    retry: 'Erneut versuchen',
    cancel: 'Abbrechen',
    error: 'Etwas ist schiefgelaufen.',
    comingSoon: 'Dieser Bereich des Dashboards folgt in Kürze.',
    language: 'Sprache',
    activity: 'Aktivität',
    signOut: 'Abmelden',
    testMode: 'Testmodus',
  },
  payoutCode: {
    whyCode:
      'Zum Schutz Ihres Geldes senden wir zuerst einen Code an Ihr Telefon (oder per E-Mail). Erst nach Eingabe des Codes gehen Ihre Auszahlungen auf dieses Konto.',
    sendCode: 'Code senden',
    code: 'Code, gesendet an {destination}',
    resend: 'Neuen Code senden',
    resendIn: 'Neuer Code in {seconds} s möglich',
    resent: 'Ein neuer Code wurde an {destination} gesendet.',
    reasons: {
      CODE_WRONG: 'Dieser Code ist nicht richtig.',
      CODE_EXPIRED: 'Der Code ist abgelaufen. Fordern Sie einen neuen Code an.',
      CHALLENGE_INVALID:
        'Dieser Code wurde bereits verwendet oder ist nicht mehr gültig. Fordern Sie einen neuen Code an.',
      CHALLENGE_LOCKED: 'Zu viele falsche Codes. Fordern Sie einen neuen Code an.',
      TOO_MANY_CODES: 'Es wurden zu viele Codes gesendet. Versuchen Sie es später erneut.',
      TOO_MANY_ATTEMPTS: 'Es wurden zu viele Codes ausprobiert. Versuchen Sie es später erneut.',
      RECENT_CONTACT_CHANGE:
        'Ihre E-Mail-Adresse oder Telefonnummer wurde kürzlich geändert. Zu Ihrer Sicherheit kann das Auszahlungskonto danach 72 Stunden lang nicht geändert werden.',
      FEATURE_DISABLED:
        'Ihre Plattform verwaltet, wohin Ihre Auszahlungen gehen: Sie kann Ihr Bankkonto für Sie hinzufügen.',
    },
  },
  supportContact: {
    contact: 'Kontakt zu {platform}:',
    contactYours: 'Kontakt zu Ihrer Plattform:',
    elsewhere:
      '{platform} betreut Ihr Konto: Wenden Sie sich dort an das Unternehmen, wo Sie sich registriert haben.',
    elsewhereYours:
      'Ihre Plattform betreut Ihr Konto: Wenden Sie sich dort an sie, wo Sie sich registriert haben.',
  },
  documents: {
    types: {
      passport: 'Reisepass',
      id_card: 'Personalausweis',
      driving_license: 'Führerschein',
      company_registration: 'Handelsregisterauszug',
      tax_id_letter: 'Schreiben der Steuerbehörde mit der Steuernummer',
    },
    refusals: {
      FILE_TYPE_NOT_ALLOWED:
        'Diese Datei ist kein JPEG, PNG oder PDF. Wählen Sie ein Foto oder einen Scan.',
      FILE_TOO_LARGE: 'Diese Datei ist zu groß: höchstens 10 MB.',
      FILE_EMPTY: 'Diese Datei ist leer. Wählen Sie eine andere.',
      FILE_QUOTA_EXCEEDED: 'Zu viele Dateien heute. Versuchen Sie es morgen erneut.',
      TEST_FILE_IN_LIVE_MODE: 'Testdokumente können für ein Live-Konto nicht verwendet werden.',
      NO_DOCUMENT_REQUESTED: 'Derzeit wird kein Dokument benötigt.',
      DOCUMENT_ALREADY_VERIFIED: 'Ein Dokument dafür ist bereits verifiziert.',
      DOCUMENT_UNDER_REVIEW: 'Ein Dokument dafür wird bereits geprüft.',
      DOCUMENT_BACK_REQUIRED: 'Fügen Sie auch die Rückseite des Dokuments hinzu.',
    },
  },
  language: {
    hint: 'Ihr Dashboard, Ihre E-Mails und SMS verwenden diese Sprache – auf jedem Gerät, auf dem Sie sich anmelden.',
    saved: 'Gespeichert.',
    failed: 'Ihre Sprache konnte nicht gespeichert werden. Versuchen Sie es erneut.',
    save: 'Sprache speichern',
    notChosen: 'Bis Sie eine Sprache speichern, erhalten Sie E-Mails und SMS auf Englisch.',
  },
};

export default de;
