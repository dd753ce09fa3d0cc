import type { Messages } from '../messages.js';

const fr: Messages = {
  payments: {
    title: 'Paiements',
    search: 'Rechercher des paiements',
    searchHint: 'E-mail du client ou montant',
    find: 'Rechercher',
    loadFailed: 'Les paiements n’ont pas pu être chargés.',
    empty: 'Aucun paiement pour l’instant. Ils apparaissent ici dès que vos clients vous paient.',
    noMatch: 'Aucun paiement ne correspond à cette recherche.',
    more: 'Afficher plus',
    back: 'Tous les paiements',
    notFound: 'Ce paiement n’existe pas ou ne vous appartient pas.',
    status: {
      succeeded: 'Réussi',
      pending: 'En attente',
      failed: 'Échoué',
      refunded: 'Remboursé',
      partially_refunded: 'Partiellement remboursé',
      disputed: 'Contesté',
    },
    breakdown: 'Détail',
    amount: 'Montant',
    processingFee: 'Frais de traitement',
    platformFee: 'Frais de plateforme',
    refunded: 'Remboursé',
    net: 'Net',
    customer: 'Client',
    name: 'Nom',
    email: 'E-mail',
    card: 'Carte',
    timeline: 'Chronologie',
    events: {
      succeeded: 'Paiement de {amount} réussi',
      failed: 'Paiement de {amount} échoué',
      pending: 'Paiement de {amount} initié',
      refunded: '{amount} remboursé',
      disputed: 'Contesté',
    },
    refund: 'Rembourser…',
    refundTitle: 'Rembourser ce paiement ?',
    refundAmount: 'Montant à rembourser',
    refundable: 'Vous pouvez rembourser jusqu’à {amount}.',
    refundConsequence:
      '{amount} sera reversé à {customer}. Cette action est irréversible et les frais ne sont pas remboursés.',
    theCustomer: 'votre client',
    refundConfirm: 'Rembourser',
    refunding: 'Remboursement…',
    refundDone: 'Remboursé. Le client recevra l’argent sous 5 à 10 jours ouvrés.',
    refundReasons: {
      BAD_AMOUNT: 'Saisissez un montant, par exemple 12,50.',
      REFUND_EXCEEDS_CHARGE: 'C’est plus que le montant remboursable : {amount} au maximum.',
      ALREADY_REFUNDED: 'Ce paiement a déjà été entièrement remboursé.',
      CHARGE_DISPUTED:
        'Ce paiement est contesté et ne peut donc pas être remboursé : le réseau de cartes décide de la destination de l’argent. Si le titulaire de la carte a seulement posé une question (une demande de renseignements), remboursez-le intégralement pour la clore.',
      NOT_REFUNDABLE: 'Seul un paiement réussi peut être remboursé.',
      INSUFFICIENT_FUNDS:
        'Votre solde et votre réserve permettent au plus {fundable} de remboursements pour l’instant : l’argent de ce paiement a déjà quitté votre solde. Alimentez votre réserve pour le rembourser, ou demandez à votre plateforme de le faire.',
      FEATURE_DISABLED:
        'Votre plateforme n’autorise pas les remboursements depuis le tableau de bord.',
      IDEMPOTENCY_KEY_REUSED:
        'Ce remboursement a changé pendant son envoi. Fermez la fenêtre et réessayez.',
      UNKNOWN: 'Le remboursement n’a pas abouti. Réessayez.',
    },
  },
};

export default fr;
