import type { Messages } from '../messages.js';

const fr: Messages = {
  login: {
    title: 'Connexion',
    starting: 'Ouverture de votre lien de connexion…',
    emailIntro:
      'Saisissez l’adresse e-mail de votre compte en mode production. S’il existe, nous enverrons un code par SMS au numéro de téléphone enregistré, ou par e-mail s’il n’y en a pas. Les comptes en mode test se connectent avec un lien de connexion fourni par leur plateforme.',
    emailLabel: 'E-mail',
    sendCode: 'Envoyer le code',
    codeSent: 'Saisissez le code à 6 chiffres envoyé à {destination}.',
    codeSentOnFile:
      'Si {destination} correspond à un compte en mode production, nous avons envoyé un code à 6 chiffres par SMS au numéro de téléphone enregistré, ou par e-mail s’il n’y en a pas. Saisissez-le ici.',
    codeLabel: 'Code de vérification',
    submit: 'Continuer',
    verifying: 'Vérification…',
    resend: 'Envoyer un nouveau code',
    resendIn: 'Envoyer un nouveau code dans {seconds} s',
    lostPhone: 'Je n’ai plus accès à ce téléphone',
    pickIntro: 'Cet e-mail correspond à plusieurs comptes. Choisissez celui à ouvrir.',
    onPlatform: 'chez {platform}',
    support: 'Un problème pour vous connecter ? Contactez {platform} :',
    supportElsewhere:
      'Un problème pour vous connecter ? Contactez {platform} là où vous vous êtes inscrit.',
    helpPage: 'page d’aide',
    reasons: {
      LINK_INVALID:
        'Ce lien de connexion n’est pas valide. Demandez-en un nouveau à la plateforme avec laquelle vous travaillez.',
      LINK_USED:
        'Ce lien de connexion a déjà été utilisé. Demandez-en un nouveau à la plateforme avec laquelle vous travaillez.',
      LINK_EXPIRED:
        'Ce lien de connexion a expiré. Demandez-en un nouveau à la plateforme avec laquelle vous travaillez.',
      CODE_WRONG: 'Ce code n’est pas correct. Essais restants : {attemptsLeft}.',
      CODE_EXPIRED: 'Ce code a expiré. Demandez-en un nouveau.',
      CHALLENGE_LOCKED: 'Trop de codes erronés. Demandez un nouveau lien de connexion.',
      CHALLENGE_INVALID: 'Cette connexion a pris fin. Demandez un nouveau lien de connexion.',
      RESEND_TOO_SOON: 'Patientez un instant avant de demander un autre code.',
      TOO_MANY_CODES: 'Trop de codes ont été envoyés. Réessayez plus tard.',
      TEST_MODE_ACCOUNT:
        'Les comptes en mode test se connectent avec un lien de connexion fourni par leur plateforme.',
      TOO_MANY_ATTEMPTS: 'Trop de codes ont été essayés. Réessayez plus tard.',
      RECENT_CONTACT_CHANGE:
        'Cet e-mail est devenu celui du compte récemment. Pour votre sécurité, il ne peut pas servir à vous connecter pendant 72 heures. Utilisez un lien de connexion de votre plateforme.',
      ACCOUNT_NOT_OFFERED: 'Ce compte ne peut pas être ouvert avec cette connexion.',
      PICK_INVALID: 'Cette connexion a pris fin. Recommencez pour obtenir un nouveau code.',
      UNKNOWN: 'Une erreur est survenue. Réessayez.',
    },
  },
};

export default fr;
