import type { Messages } from '../messages.js';

const de: Messages = {
  transactions: {
    title: 'Transaktionen',
    latest: 'Neueste Transaktionen',
    viewAll: 'Alle anzeigen',
    export: 'CSV exportieren',
    typeFilter: 'Art',
    types: {
      all: 'Alle',
      charge: 'Zahlungen',
      refund: 'Rückerstattungen',
      transfer: 'Überweisungen',
      payout: 'Auszahlungen',
      payout_failure: 'Fehlgeschlagene Auszahlungen',
      dispute: 'Anfechtungen',
      adjustment: 'Korrekturen',
      application_fee: 'Plattformgebühren',
      topup: 'Aufladungen',
      payout_cancel: 'Stornierte Auszahlungen',
      dispute_reversal: 'Gewonnene Anfechtungen',
      topup_reversal: 'Fehlgeschlagene Aufladungen',
      reserve_hold: 'Reserve-Einbehalte',
      reserve_release: 'Reserve-Freigaben',
      recovery_debit: 'Lastschriften (negatives Guthaben)',
      recovery_debit_failure: 'Fehlgeschlagene Lastschriften',
      negative_balance_cover: 'Von Ihrer Plattform übernommen',
    },
    currency: 'Währung',
    allCurrencies: 'Alle',
    from: 'Von',
    to: 'Bis',
    min: 'Betrag mindestens',
    max: 'Betrag höchstens',
    apply: 'Anwenden',
    badAmount: 'Geben Sie Beträge als Zahlen ein, z. B. 12,50.',
    loadFailed: 'Ihre Transaktionen konnten nicht geladen werden.',
    empty:
      'Keine passenden Transaktionen. Zahlungen, Rückerstattungen, Überweisungen und Auszahlungen erscheinen hier, sobald sie stattfinden.',
    more: 'Mehr anzeigen',
    availableOn: 'Verfügbar ab {date}',
    columns: {
      type: 'Art',
      description: 'Beschreibung',
      date: 'Datum',
      amount: 'Betrag',
      net: 'Netto',
    },
  },
};

export default de;
