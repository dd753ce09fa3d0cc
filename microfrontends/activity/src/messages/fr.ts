import type { Messages } from '../messages.js';

const fr: Messages = {
  activity: {
    title: 'Activité',
    markAll: 'Tout marquer comme lu',
    unread: '(non lu)',
    empty:
      'Rien pour l’instant. Les virements, les litiges et les modifications de votre compte apparaissent ici.',
    loadFailed: 'Votre activité n’a pas pu être chargée.',
    failed: 'Cela n’a pas abouti. Réessayez.',
    more: 'Afficher plus',
    emails: 'E-mails',
    emailPayoutFailed: 'M’envoyer un e-mail quand un virement échoue',
    emailDisputeOpened: 'M’envoyer un e-mail quand un paiement est contesté',
    emailRequirementsDue:
      'M’envoyer un e-mail quand ma plateforme a besoin d’informations supplémentaires',
    emailLanguage:
      'Les e-mails sont rédigés dans votre langue, que vous choisissez dans Paramètres.',
    emailsSaved: 'Enregistré.',
  },
};

export default fr;
