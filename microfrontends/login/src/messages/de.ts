import type { Messages } from '../messages.js';

const de: Messages = {
  login: {
    title: 'Anmelden',
    starting: 'Ihr Anmeldelink wird geöffnet…',
    emailIntro:
      'Geben Sie die E-Mail-Adresse Ihres Live-Kontos ein. Gibt es dazu ein Konto, senden wir einen Code per SMS an die hinterlegte Telefonnummer, oder per E-Mail, wenn keine hinterlegt ist. Konten im Testmodus melden sich über einen Anmeldelink ihrer Plattform an.',
    emailLabel: 'E-Mail',
    sendCode: 'Code senden',
    codeSent: 'Geben Sie den 6-stelligen Code ein, den wir an {destination} gesendet haben.',
    codeSentOnFile:
      'Falls es zu {destination} ein Live-Konto gibt, haben wir einen 6-stelligen Code per SMS an die hinterlegte Telefonnummer gesendet, oder per E-Mail, wenn keine hinterlegt ist. Geben Sie ihn hier ein.',
    codeLabel: 'Bestätigungscode',
    submit: 'Weiter',
    verifying: 'Wird geprüft…',
    resend: 'Neuen Code senden',
    resendIn: 'Neuer Code in {seconds} s möglich',
    lostPhone: 'Ich habe keinen Zugriff mehr auf dieses Telefon',
    pickIntro:
      'Zu dieser E-Mail-Adresse gibt es mehrere Konten. Wählen Sie das Konto, das Sie öffnen möchten.',
    onPlatform: 'bei {platform}',
    support: 'Probleme bei der Anmeldung? Wenden Sie sich an {platform}:',
    supportElsewhere:
      'Probleme bei der Anmeldung? Wenden Sie sich dort an {platform}, wo Sie sich registriert haben.',
    helpPage: 'Hilfeseite',
    reasons: {
      LINK_INVALID:
        'Dieser Anmeldelink ist ungültig. Bitten Sie die Plattform, mit der Sie arbeiten, um einen neuen.',
      LINK_USED:
        'Dieser Anmeldelink wurde bereits verwendet. Bitten Sie die Plattform, mit der Sie arbeiten, um einen neuen.',
      LINK_EXPIRED:
        'Dieser Anmeldelink ist abgelaufen. Bitten Sie die Plattform, mit der Sie arbeiten, um einen neuen.',
      CODE_WRONG: 'Dieser Code ist nicht richtig. Verbleibende Versuche: {attemptsLeft}.',
      CODE_EXPIRED: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen an.',
      CHALLENGE_LOCKED: 'Zu viele falsche Codes. Fordern Sie einen neuen Anmeldelink an.',
      CHALLENGE_INVALID: 'Diese Anmeldung ist beendet. Fordern Sie einen neuen Anmeldelink an.',
      RESEND_TOO_SOON: 'Warten Sie einen Moment, bevor Sie einen weiteren Code anfordern.',
      TOO_MANY_CODES: 'Es wurden zu viele Codes gesendet. Versuchen Sie es später erneut.',
      TEST_MODE_ACCOUNT:
        'Konten im Testmodus melden sich über einen Anmeldelink ihrer Plattform an.',
      TOO_MANY_ATTEMPTS: 'Es wurden zu viele Codes ausprobiert. Versuchen Sie es später erneut.',
      RECENT_CONTACT_CHANGE:
        'Diese E-Mail-Adresse ist erst seit Kurzem die des Kontos. Zu Ihrer Sicherheit kann sie 72 Stunden lang nicht zur Anmeldung verwendet werden. Nutzen Sie einen Anmeldelink Ihrer Plattform.',
      ACCOUNT_NOT_OFFERED: 'Dieses Konto kann mit dieser Anmeldung nicht geöffnet werden.',
      PICK_INVALID:
        'Diese Anmeldung ist beendet. Beginnen Sie erneut, um einen neuen Code zu erhalten.',
      UNKNOWN: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
    },
  },
};

export default de;
