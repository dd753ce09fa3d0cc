import type { Messages } from '../messages.js';

const fr: Messages = {
  transactions: {
    title: 'Transactions',
    latest: 'Dernières transactions',
    viewAll: 'Tout afficher',
    export: 'Exporter en CSV',
    typeFilter: 'Type',
    types: {
      all: 'Tout',
      charge: 'Paiements',
      refund: 'Remboursements',
      transfer: 'Transferts',
      payout: 'Virements',
      payout_failure: 'Virements échoués',
      dispute: 'Litiges',
      adjustment: 'Ajustements',
      application_fee: 'Frais de plateforme',
      topup: 'Rechargements',
      payout_cancel: 'Virements annulés',
      dispute_reversal: 'Litiges gagnés',
      topup_reversal: 'Rechargements échoués',
      reserve_hold: 'Retenues de réserve',
      reserve_release: 'Libérations de réserve',
      recovery_debit: 'Prélèvements (solde négatif)',
      recovery_debit_failure: 'Prélèvements échoués',
      negative_balance_cover: 'Couvert par votre plateforme',
    },
    currency: 'Devise',
    allCurrencies: 'Toutes',
    from: 'Du',
    to: 'Au',
    min: 'Montant minimum',
    max: 'Montant maximum',
    apply: 'Appliquer',
    badAmount: 'Saisissez les montants en chiffres, par exemple 12,50.',
    loadFailed: 'Vos transactions n’ont pas pu être chargées.',
    empty:
      'Aucune transaction ne correspond. Les paiements, remboursements, transferts et virements apparaissent ici au fur et à mesure.',
    more: 'Afficher plus',
    availableOn: 'Disponible le {date}',
    columns: {
      type: 'Type',
      description: 'Description',
      date: 'Date',
      amount: 'Montant',
      net: 'Net',
    },
  },
};

export default fr;
