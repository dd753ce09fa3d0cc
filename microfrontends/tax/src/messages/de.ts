import type { Messages } from '../messages.js';

const de: Messages = {
  tax: {
    title: 'Steuerformulare',
    loadFailed: 'Ihre Steuerinformationen konnten nicht geladen werden.',
    notUs:
      'US-Steuerformulare (Form 1099) gibt es für Konten in den Vereinigten Staaten. Ihr Konto ist in {country}, daher stellt {platform} Ihnen keine aus, und hier ist nichts zu tun.',
    info: {
      title: 'Steuerinformationen',
      intro:
        'Was {platform} dem IRS (der US-Steuerbehörde) über Sie meldet: Ihre Steueridentifikationsnummer sowie Ihren Namen und Ihre Adresse wie in Ihrer Steuererklärung (Form W-9).',
      none: 'Noch nicht angegeben. Geben Sie sie an, damit Ihre Steuerformulare Sie richtig nennen.',
      tin: 'Steuernummer',
      tinType: 'Art der Steuernummer',
      tinTypes: {
        ssn: 'Sozialversicherungsnummer (SSN)',
        itin: 'Individuelle Steueridentifikationsnummer (ITIN)',
        ein: 'Arbeitgeber-Identifikationsnummer (EIN)',
      },
      tinHelp: 'Neun Ziffern. Danach nur mit den letzten vier angezeigt.',
      legalName: 'Name in Ihrer Steuererklärung',
      address: 'Adresse in Ihrer Steuererklärung',
      line1: 'Straße und Hausnummer',
      line2: 'Wohnung, Suite oder Einheit (optional)',
      city: 'Stadt',
      state: 'Bundesstaat (zwei Buchstaben, z. B. CA)',
      postalCode: 'ZIP-Code',
      certified: 'Bestätigt am {date} von {name}',
      prefilled:
        'Name und Adresse stammen aus Ihren Kontodaten: Prüfen Sie, ob sie mit Ihrer Steuererklärung übereinstimmen.',
      enter: 'Steuerinformationen angeben',
      change: 'Steuerinformationen ändern',
      cancel: 'Abbrechen',
      certification: 'Bestätigung',
      certificationIntro: 'Unter Strafandrohung für Meineid bestätige ich:',
      statements: {
        tin: 'Die in diesem Formular angegebene Nummer ist meine korrekte Steueridentifikationsnummer (oder ich warte auf die Zuteilung einer Nummer); und',
        backup:
          'ich unterliege nicht dem Quellensteuerabzug (backup withholding), weil (a) ich davon befreit bin, oder (b) der Internal Revenue Service (IRS) mir nicht mitgeteilt hat, dass ich wegen nicht gemeldeter Zinsen oder Dividenden dem Abzug unterliege, oder (c) der IRS mir mitgeteilt hat, dass ich ihm nicht mehr unterliege; und',
        usPerson: 'ich bin US-Bürger oder eine andere US-Person; und',
        fatca:
          'der/die in diesem Formular angegebene(n) FATCA-Code(s) (falls vorhanden), wonach ich von der FATCA-Meldung befreit bin, ist/sind korrekt.',
      },
      certify: 'Ich bestätige die obigen Angaben.',
      signature: 'Geben Sie als Unterschrift Ihren vollständigen Namen ein',
      signedToday: 'Datiert heute, {date}.',
      whyCode:
        'Ihre Steuerinformationen bestimmen, wessen Einkommen gemeldet wird: Zum Speichern brauchen Sie einen Code, den wir an Ihr Telefon oder Ihre E-Mail senden.',
      sendCode: 'Code senden',
      code: 'Code, gesendet an {destination}',
      resend: 'Neuen Code senden',
      save: 'Steuerinformationen speichern',
      saved: 'Ihre Steuerinformationen wurden gespeichert.',
      fields: {
        tin: 'die Steuernummer',
        legalName: 'den Namen',
        address: {
          line1: 'Straße und Hausnummer',
          line2: 'Wohnung oder Suite',
          city: 'die Stadt',
          state: 'den Bundesstaat',
          postalCode: 'den ZIP-Code',
        },
        certify: 'die Bestätigung',
        signatureName: 'Ihre Unterschrift',
        code: 'den Code',
      },
      reasons: {
        INVALID_FIELD: 'Prüfen Sie {field}.',
        TIN_DIGITS: 'Eine Steuernummer hat neun Ziffern.',
        CODE_WRONG: 'Der Code ist nicht richtig. Prüfen Sie ihn und versuchen Sie es erneut.',
        CODE_EXPIRED: 'Dieser Code ist abgelaufen. Senden Sie einen neuen.',
        CODE_USED: 'Dieser Code wurde bereits verwendet. Senden Sie einen neuen.',
        CHALLENGE_INVALID: 'Diese Code-Anfrage ist beendet. Senden Sie einen neuen Code.',
        CHALLENGE_LOCKED: 'Zu viele falsche Codes. Senden Sie einen neuen Code.',
        RESEND_TOO_SOON: 'Warten Sie kurz, bevor Sie einen weiteren Code anfordern.',
        TOO_MANY_CODES: 'Es wurden zu viele Codes gesendet. Versuchen Sie es später erneut.',
        TOO_MANY_ATTEMPTS: 'Es wurden zu viele Codes versucht. Versuchen Sie es später erneut.',
        RECENT_CONTACT_CHANGE:
          'Ihre E-Mail oder Telefonnummer wurde kürzlich geändert, daher können Steuerinformationen 72 Stunden lang nicht geändert werden.',
        US_ACCOUNTS_ONLY: 'Steuerinformationen gibt es für Konten in den Vereinigten Staaten.',
        UNKNOWN: 'Das hat nicht geklappt. Versuchen Sie es erneut.',
      },
    },
    delivery: {
      title: 'Elektronische Zustellung',
      explain:
        'Erhalten Sie Ihre Steuerformulare hier statt per Post: Wir senden Ihnen eine E-Mail, sobald eines bereitsteht, und Sie laden es als PDF herunter. Sie können diese Zustimmung jederzeit widerrufen; bereits ausgestellte Formulare bleiben hier, und Sie können bei {platform} weiterhin eine Papierkopie anfordern.',
      consented: 'Sie erhalten Ihre Steuerformulare elektronisch (seit {date}).',
      notConsented: '{platform} schickt Ihnen Ihre Steuerformulare per Post.',
      consent: 'Steuerformulare elektronisch erhalten',
      withdraw: 'Zustimmung widerrufen',
      given: 'Zustimmung erteilt.',
      withdrawn: 'Zustimmung widerrufen: Ihre nächsten Formulare kommen per Post.',
      failed: 'Das hat nicht geklappt. Versuchen Sie es erneut.',
    },
    forms: {
      title: 'Ihre Steuerformulare',
      empty:
        'Noch keine Steuerformulare. Wenn Ihre Zahlungen in einem Kalenderjahr die Schwellenwerte des IRS überschreiten, stellt {platform} Ihr Form 1099 Anfang des folgenden Jahres hier aus.',
      loadFailed: 'Ihre Steuerformulare konnten nicht geladen werden.',
      more: 'Mehr anzeigen',
      form: 'Form {name} für {year}',
      corrected: 'Korrigiert',
      issued: 'Ausgestellt am {date}',
      download: 'PDF herunterladen',
      downloadLabel: 'Form {name} für {year} herunterladen (PDF)',
      status: {
        available: 'Verfügbar',
        mail_required: 'Per Post',
        superseded: 'Ersetzt',
      },
    },
  },
};

export default de;
