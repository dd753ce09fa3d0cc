import type { Messages } from '../messages.js';

const fr: Messages = {
  payouts: {
    title: 'Virements',
    empty:
      'Aucun virement pour l’instant. L’argent que vous gagnez est viré sur votre compte bancaire selon votre calendrier.',
    loadFailed: 'Vos virements n’ont pas pu être chargés.',
    more: 'Afficher plus',
    back: 'Tous les virements',
    notFound: 'Ce virement n’existe pas.',
    forecast: {
      title: 'Prochain virement',
      line: 'Prochain virement : {amount}, prévu le {date}',
      detail: 'Envoyé le {date} vers {destination}',
    },
    methodsLink: 'Moyens de virement',
    payoutMethods: {
      title: 'Moyens de virement',
      back: 'Virements',
      intro:
        'Où va votre argent, par devise. Les virements programmés vont au moyen par défaut ; les virements instantanés vont sur une carte de débit.',
      loadFailed: 'Vos moyens de virement n’ont pas pu être chargés.',
      empty:
        'Aucun compte bancaire ni carte de débit pour l’instant. Ajoutez-en un pour recevoir vos virements.',
      group: 'Virements en {currency}',
      default: 'Par défaut',
      actionNeeded: 'Action requise',
      bankAccount: 'Compte bancaire',
      debitCard: 'Carte de débit',
      expires: 'Expire : {month}/{year}',
      returned:
        'Un virement vers ce moyen a été renvoyé : {reason} Remplacez-le, ou ajoutez-le à nouveau une fois que votre banque a corrigé le problème.',
      addCard: 'Ajouter une carte de débit',
      addBank: 'Ajouter un compte bancaire',
      makeDefault: 'Définir par défaut',
      remove: 'Supprimer',
      addCardTitle: 'Ajouter une carte de débit',
      addBankTitle: 'Ajouter un compte bancaire',
      defaultTitle: 'En faire le moyen par défaut pour {currency} ?',
      removeTitle: 'Supprimer ce moyen de virement ?',
      defaultConsequence: 'Les virements programmés en {currency} iront vers {destination}.',
      removeConsequence: 'Plus aucun virement n’ira vers {destination}.',
      debitOnly:
        'Cartes de débit Visa ou Mastercard uniquement : les virements ne peuvent pas aller sur une carte de crédit ou prépayée.',
      testCard: 'En mode test, utilisez la carte de débit de test 4000 0566 5566 5556.',
      cardNumber: 'Numéro de carte',
      expMonth: 'Mois d’expiration',
      expYear: 'Année d’expiration',
      country: 'Pays',
      currency: 'Devise',
      holder: 'Titulaire du compte',
      routing: 'Code banque',
      accountNumber: 'Numéro de compte',
      iban: 'IBAN',
      alsoDefault: 'En faire le moyen par défaut pour sa devise',
      confirm: 'Confirmer',
      continue: 'Continuer',
      added: '{destination} ajouté.',
      madeDefault: '{destination} est désormais votre moyen par défaut pour {currency}.',
      removed: '{destination} supprimé.',
      reasons: {
        CARD_NOT_DEBIT:
          'Ce n’est pas une carte de débit : les virements ne vont que sur des cartes de débit.',
        INVALID_CARD: 'Ce numéro de carte n’est pas valide : vérifiez les chiffres.',
        CARD_EXPIRED: 'Cette carte a expiré.',
        CARD_NOT_SUPPORTED: 'Utilisez une carte de débit Visa ou Mastercard.',
        COUNTRY_NOT_SUPPORTED:
          'Les virements vers des comptes bancaires de ce pays ne sont pas encore pris en charge.',
        INVALID_BANK_ACCOUNT: 'Vérifiez : {field}.',
        INVALID_FIELD: 'Vérifiez : {field}.',
        DEFAULT_EXTERNAL_ACCOUNT:
          'C’est votre moyen par défaut pour {currency}. Définissez d’abord un autre moyen par défaut.',
        LAST_EXTERNAL_ACCOUNT:
          'C’est votre seul moyen de virement. Ajoutez-en un autre avant de le supprimer.',
        CURRENCY_HAS_BALANCE:
          'Vous avez un solde en {currency} : il vous faut donc un moyen de virement en {currency}. Ajoutez-en un autre avant de supprimer celui-ci.',
        UNKNOWN: 'Cela n’a pas fonctionné. Réessayez.',
      },
      fields: {
        number: 'numéro de carte',
        expMonth: 'mois d’expiration',
        expYear: 'année d’expiration',
        country: 'pays',
        currency: 'devise',
        accountHolderName: 'titulaire du compte',
        routingNumber: 'code banque',
        accountNumber: 'numéro de compte',
        bankAccount: 'coordonnées bancaires',
        card: 'données de la carte',
      },
    },
    expected: 'Prévu le {date}',
    arrived: 'Reçu le {date}',
    expectedOn: 'Arrivée prévue',
    arrivedOn: 'Reçu le',
    destination: 'Envoyé à',
    method: 'Rapidité',
    methods: { standard: 'Standard', instant: 'Instantané' },
    madeBy: 'Déclenché',
    bySchedule: 'Par votre calendrier de virements',
    byRequest: 'À votre demande',
    fee: 'Frais de virement instantané',
    paidOut: 'Ce que ce virement a versé',
    notMatched:
      'Les virements demandés sont prélevés sur l’ensemble de votre solde disponible : ils ne correspondent donc pas à des transactions précises.',
    failedBecause:
      'La banque a rejeté ce virement : {reason} L’argent est de retour sur votre solde.',
    failures: {
      no_account: 'aucun compte bancaire ne correspond à ces coordonnées.',
      account_closed: 'le compte bancaire a été clôturé.',
      debit_not_authorized: 'la banque n’accepte pas ce type de virement sur ce compte.',
      invalid_currency: 'la banque ne peut pas recevoir de virement dans cette devise.',
      could_not_process: 'la banque n’a pas pu le traiter.',
    },
    status: {
      pending: 'En attente',
      in_transit: 'En cours',
      paid: 'Versé',
      failed: 'Échoué',
      canceled: 'Annulé',
    },
  },
};

export default fr;
