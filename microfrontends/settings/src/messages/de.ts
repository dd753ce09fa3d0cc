import type { Messages } from '../messages.js';

const de: Messages = {
  settings: {
    title: 'Einstellungen',
    loadFailed: 'Ihre Einstellungen konnten nicht geladen werden.',
    account: 'Konto',
    businessType: 'Unternehmensform',
    businessTypes: {
      individual: 'Einzelperson',
      company: 'Unternehmen',
      non_profit: 'Gemeinnützige Organisation',
    },
    country: 'Land',
    notSet: 'Nicht festgelegt',
    email: 'E-Mail',
    phone: 'Telefon',
    change: 'Ändern',
    new_email: 'Neue E-Mail-Adresse',
    new_phone: 'Neue Telefonnummer',
    codeWillGo_email: 'Zur Bestätigung senden wir einen Code an die neue Adresse.',
    codeWillGo_phone:
      'Zur Bestätigung senden wir einen Code per SMS an die neue Nummer. Verwenden Sie das internationale Format, z. B. +15555550142.',
    sendCode: 'Code senden',
    cancel: 'Abbrechen',
    codeSent: 'Geben Sie den 6-stelligen Code ein, den wir an {destination} gesendet haben.',
    codeLabel: 'Bestätigungscode',
    currentCodeSent:
      'Um sicherzugehen, dass die Änderung von Ihnen stammt, haben wir auch einen Code an {destination} gesendet.',
    currentCodeLabel: 'Code, gesendet an Ihren aktuellen Kontakt',
    confirm: 'Bestätigen',
    resend: 'Neuen Code senden',
    resendIn: 'Neuer Code in {seconds} s möglich',
    emailChanged: 'Ihre E-Mail-Adresse wurde geändert.',
    phoneChanged: 'Ihre Telefonnummer wurde geändert.',
    publicInfo: 'Öffentliche Angaben',
    edit: 'Bearbeiten',
    save: 'Speichern',
    saving: 'Wird gespeichert…',
    saved: 'Gespeichert.',
    managedByPlatform: '{platform} verwaltet diese Angaben und kann sie für Sie ändern.',
    support: 'Hilfe von {platform}',
    helpPage: 'Hilfeseite',
    fields: {
      displayName: 'Kontoname',
      businessProfile_name: 'Name des Unternehmens',
      businessProfile_url: 'Website',
      businessProfile_supportEmail: 'Support-E-Mail',
      businessProfile_supportPhone: 'Support-Telefon',
      statementDescriptor: 'Abrechnungsbeschreibung',
    },
    invalid: {
      displayName: 'Geben Sie einen Namen mit 1 bis 120 Zeichen ein.',
      businessProfile_name: 'Geben Sie einen Unternehmensnamen mit 1 bis 120 Zeichen ein.',
      businessProfile_url: 'Geben Sie eine vollständige Webadresse ein, z. B. https://example.com.',
      businessProfile_supportEmail:
        "Geben Sie eine E-Mail-Adresse ein, z. B. help{'@'}example.com.",
      businessProfile_supportPhone:
        'Geben Sie eine Telefonnummer im internationalen Format ein, z. B. +15555550142.',
      statementDescriptor:
        'Verwenden Sie 5 bis 22 Zeichen, mindestens einen Buchstaben und keines dieser Zeichen: < > \\ \' " *.',
    },
    security: 'Sicherheit',
    signOutEverywhereExplained:
      'Auf einem Gerät angemeldet, das Sie nicht mehr haben? Melden Sie sich auf allen Geräten ab, auch auf diesem.',
    signOutEverywhere: 'Überall abmelden',
    details: {
      title: 'Ihre Angaben',
      loadFailed: 'Ihre Angaben konnten nicht geladen werden.',
      unfinished: 'Sie haben die Einrichtung Ihres Kontos noch nicht abgeschlossen.',
      continueSetup: 'Einrichtung fortsetzen',
      none: 'Noch keine Angaben.',
      groups: {
        business: 'Angaben zum Unternehmen',
        person: 'Persönliche Angaben',
        representative: 'Vertretungsberechtigte Person',
        company: 'Angaben zur Firma',
        owners: 'Eigentümer',
      },
      edit: 'Bearbeiten',
      editGroup: '{group} bearbeiten',
      rows: {
        businessName: 'Name des Unternehmens',
        website: 'Website',
        productDescription: 'Was Sie verkaufen',
        supportEmail: 'Support-E-Mail',
        name: 'Rechtlicher Name',
        title: 'Funktion',
        dob: 'Geburtsdatum',
        address: 'Adresse',
        email: 'E-Mail',
        phone: 'Telefon',
        idNumber: 'Ausweisnummer',
        companyName: 'Rechtlicher Firmenname',
        taxId: 'Steuernummer',
        companyPhone: 'Telefonnummer des Unternehmens',
        owner: 'Eigentümer {number}',
        ownership: 'Beteiligung',
        ownersProvided: 'Alle mit einer Beteiligung von 25 % oder mehr sind aufgeführt',
      },
      status: {
        verified: 'Verifiziert',
        pending: 'Prüfung ausstehend',
        attention: 'Handlungsbedarf',
      },
      pendingExplained:
        'Wir prüfen diese Angaben. Das dauert meist nur wenige Minuten; Auszahlungen warten, bis die Prüfung abgeschlossen ist.',
      attentionExplained:
        'Hier fehlt etwas oder konnte nicht verifiziert werden. Bearbeiten Sie es, um es zu beheben.',
      saved: 'Ihre Änderungen wurden gespeichert.',
      savedVerifying:
        'Ihre Änderungen wurden gespeichert. Wir prüfen sie jetzt; das dauert meist nur wenige Minuten.',
      notProvided: 'Nicht angegeben',
      yes: 'Ja',
      no: 'Nein',
    },
    closeTitle: 'Konto schließen',
    closeExplained:
      'Das Schließen Ihres Kontos ist endgültig: Sie können sich nicht mehr anmelden, und {platform} kann Sie darüber nicht mehr bezahlen.',
    closeOpen: 'Konto schließen…',
    closeConfirmTitle: 'Ihr Konto schließen?',
    closeConsequence:
      'Dies kann nicht rückgängig gemacht werden. Sie werden überall abgemeldet, und {platform} kann Sie über dieses Konto nicht mehr bezahlen.',
    closeConfirm: 'Konto schließen',
    closeCodeWillGo:
      'Um sicherzugehen, dass Sie es sind, senden wir einen Code an Ihr Telefon (oder per E-Mail, wenn Sie kein Telefon hinterlegt haben).',
    closeSendCode: 'Code senden',
    closing: 'Wird geschlossen…',
    closedNotice: 'Ihr Konto ist geschlossen, und Sie wurden abgemeldet.',
    done: 'Fertig',
    blockers: {
      BALANCE_REMAINING: 'In Ihrem Saldo ist noch Geld. Es muss zuerst ausgezahlt werden.',
      PAYOUT_IN_PROGRESS:
        'Eine Auszahlung ist unterwegs zu Ihrer Bank. Warten Sie, bis sie eingegangen ist.',
      OPEN_DISPUTE: 'Eine Anfechtung ist noch offen. Sie muss zuerst geschlossen werden.',
    },
    reasons: {
      CODE_WRONG: 'Dieser Code ist nicht richtig.',
      CODE_EXPIRED: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen an.',
      CODE_USED: 'Dieser Code wurde bereits verwendet. Fordern Sie einen neuen an.',
      CHALLENGE_LOCKED: 'Zu viele falsche Codes. Beginnen Sie erneut.',
      CHALLENGE_INVALID: 'Diese Änderung ist beendet. Beginnen Sie erneut.',
      RESEND_TOO_SOON: 'Warten Sie einen Moment, bevor Sie einen weiteren Code anfordern.',
      TOO_MANY_CODES: 'Es wurden zu viele Codes gesendet. Versuchen Sie es später erneut.',
      SAME_CONTACT: 'Das ist bereits Ihre aktuelle Angabe.',
      CURRENT_CODE_REQUIRED:
        'Geben Sie auch den Code ein, der an Ihren aktuellen Kontakt gesendet wurde.',
      TOO_MANY_ATTEMPTS: 'Es wurden zu viele Codes ausprobiert. Versuchen Sie es später erneut.',
      RECENT_CONTACT_CHANGE:
        'Ihre E-Mail-Adresse oder Telefonnummer wurde kürzlich geändert. Zu Ihrer Sicherheit ist dies nach der Änderung 72 Stunden lang gesperrt.',
      INVALID_EMAIL: "Geben Sie eine E-Mail-Adresse ein, z. B. you{'@'}example.com.",
      INVALID_PHONE:
        'Geben Sie eine Telefonnummer im internationalen Format ein, z. B. +15555550142.',
      ACCOUNT_CLOSED: 'Dieses Konto ist geschlossen.',
      FEATURE_DISABLED: '{platform} erlaubt dies nicht über das Dashboard.',
      CLOSE_BLOCKED: 'Ihr Konto kann noch nicht geschlossen werden:',
      CLOSURE_CHECK_UNAVAILABLE:
        'Wir konnten Ihr Konto gerade nicht prüfen. Versuchen Sie es gleich noch einmal.',
      UNKNOWN: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
    },
  },
};

export default de;
