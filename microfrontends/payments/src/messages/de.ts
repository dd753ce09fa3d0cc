import type { Messages } from '../messages.js';

const de: Messages = {
  payments: {
    title: 'Zahlungen',
    search: 'Zahlungen durchsuchen',
    searchHint: 'E-Mail-Adresse der Kundschaft oder Betrag',
    find: 'Suchen',
    loadFailed: 'Zahlungen konnten nicht geladen werden.',
    empty: 'Noch keine Zahlungen. Sie erscheinen hier, sobald Ihre Kundschaft Sie bezahlt.',
    noMatch: 'Keine Zahlung entspricht dieser Suche.',
    more: 'Mehr anzeigen',
    back: 'Alle Zahlungen',
    notFound: 'Diese Zahlung gibt es nicht, oder sie gehört nicht zu Ihrem Konto.',
    status: {
      succeeded: 'Erfolgreich',
      pending: 'Ausstehend',
      failed: 'Fehlgeschlagen',
      refunded: 'Erstattet',
      partially_refunded: 'Teilweise erstattet',
      disputed: 'Angefochten',
    },
    breakdown: 'Aufschlüsselung',
    amount: 'Betrag',
    processingFee: 'Zahlungsgebühren',
    platformFee: 'Plattformgebühr',
    refunded: 'Erstattet',
    net: 'Netto',
    customer: 'Kunde/Kundin',
    name: 'Name',
    email: 'E-Mail',
    card: 'Karte',
    timeline: 'Verlauf',
    events: {
      succeeded: 'Zahlung über {amount} erfolgreich',
      failed: 'Zahlung über {amount} fehlgeschlagen',
      pending: 'Zahlung über {amount} begonnen',
      refunded: '{amount} erstattet',
      disputed: 'Angefochten',
    },
    refund: 'Erstatten…',
    refundTitle: 'Diese Zahlung erstatten?',
    refundAmount: 'Zu erstattender Betrag',
    refundable: 'Bis zu {amount} können erstattet werden.',
    refundConsequence:
      '{amount} geht zurück an {customer}. Dies kann nicht rückgängig gemacht werden, und die Gebühren werden nicht erstattet.',
    theCustomer: 'die Kundin bzw. den Kunden',
    refundConfirm: 'Erstatten',
    refunding: 'Wird erstattet…',
    refundDone: 'Erstattet. Die Kundin bzw. der Kunde sieht das Geld innerhalb von 5–10 Werktagen.',
    refundReasons: {
      BAD_AMOUNT: 'Geben Sie einen Betrag ein, z. B. 12,50.',
      REFUND_EXCEEDS_CHARGE: 'Das ist mehr, als erstattet werden kann: höchstens {amount}.',
      ALREADY_REFUNDED: 'Diese Zahlung wurde bereits vollständig erstattet.',
      CHARGE_DISPUTED:
        'Diese Zahlung wird angefochten und kann daher nicht erstattet werden: Das Kartennetzwerk entscheidet, wohin das Geld geht. Hat der Karteninhaber nur nachgefragt (eine Anfrage), erstatten Sie den vollen Betrag, um die Anfrage abzuschließen.',
      NOT_REFUNDABLE: 'Nur eine erfolgreiche Zahlung kann erstattet werden.',
      INSUFFICIENT_FUNDS:
        'Ihr Saldo und Ihre Reserve decken derzeit höchstens {fundable} an Erstattungen: Das Geld dieser Zahlung hat Ihren Saldo bereits verlassen. Laden Sie Ihre Reserve auf, um sie zu erstatten, oder bitten Sie Ihre Plattform um die Erstattung.',
      FEATURE_DISABLED: 'Ihre Plattform erlaubt keine Erstattungen über das Dashboard.',
      IDEMPOTENCY_KEY_REUSED:
        'Diese Erstattung hat sich beim Senden geändert. Schließen Sie das Fenster und versuchen Sie es erneut.',
      UNKNOWN: 'Die Erstattung wurde nicht ausgeführt. Versuchen Sie es erneut.',
    },
  },
};

export default de;
