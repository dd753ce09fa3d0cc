import type { Messages } from '../messages.js';

const de: Messages = {
  activity: {
    title: 'Aktivität',
    markAll: 'Alle als gelesen markieren',
    unread: '(ungelesen)',
    empty:
      'Noch nichts da. Auszahlungen, Anfechtungen und Änderungen an Ihrem Konto erscheinen hier.',
    loadFailed: 'Ihre Aktivität konnte nicht geladen werden.',
    failed: 'Das hat nicht geklappt. Versuchen Sie es erneut.',
    more: 'Mehr anzeigen',
    emails: 'E-Mails',
    emailPayoutFailed: 'E-Mail senden, wenn eine Auszahlung fehlschlägt',
    emailDisputeOpened: 'E-Mail senden, wenn eine Zahlung angefochten wird',
    emailRequirementsDue: 'E-Mail senden, wenn meine Plattform weitere Angaben benötigt',
    emailLanguage: 'E-Mails erhalten Sie in Ihrer Sprache, die Sie in den Einstellungen wählen.',
    emailsSaved: 'Gespeichert.',
  },
};

export default de;
