import type { SharedMessages } from '../messages.js';

const fr: SharedMessages = {
  nav: {
    home: 'Accueil',
    payments: 'Paiements',
    payouts: 'Virements',
    disputes: 'Litiges',
    activity: 'Activité',
    settings: 'Paramètres',
    tax: 'Formulaires fiscaux',
    menu: 'Menu',
  },
  common: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    cancel: 'Annuler',
    error: 'Une erreur est survenue.',
    comingSoon: 'Cette partie du tableau de bord arrive bientôt.',
    language: 'Langue',
    activity: 'Activité',
    signOut: 'Se déconnecter',
    testMode: 'Mode test',
  },
  payoutCode: {
    whyCode:
      'Pour protéger votre argent, un code est d’abord envoyé sur votre téléphone (ou par e-mail). Vos virements ne sont versés sur ce compte qu’après sa saisie.',
    sendCode: 'Envoyer le code',
    code: 'Code envoyé à {destination}',
    resend: 'Envoyer un autre code',
    resendIn: 'Envoyer un autre code dans {seconds} s',
    resent: 'Un nouveau code a été envoyé à {destination}.',
    reasons: {
      CODE_WRONG: 'Ce code n’est pas correct.',
      CODE_EXPIRED: 'Le code a expiré. Demandez-en un autre.',
      CHALLENGE_INVALID: 'Ce code a déjà été utilisé ou n’est plus valable. Demandez-en un autre.',
      CHALLENGE_LOCKED: 'Trop de codes erronés. Demandez-en un autre.',
      TOO_MANY_CODES: 'Trop de codes ont été envoyés. Réessayez plus tard.',
      TOO_MANY_ATTEMPTS: 'Trop de codes ont été essayés. Réessayez plus tard.',
      RECENT_CONTACT_CHANGE:
        'Votre e-mail ou votre téléphone a été modifié récemment. Pour votre sécurité, le compte de vos virements ne peut pas être changé pendant les 72 heures qui suivent.',
      FEATURE_DISABLED:
        'Votre plateforme gère le compte de vos virements : elle peut ajouter votre compte bancaire pour vous.',
    },
  },
  supportContact: {
    contact: 'Contacter {platform} :',
    contactYours: 'Contacter votre plateforme :',
    elsewhere:
      '{platform} assure le support de votre compte : contactez-la là où vous vous êtes inscrit.',
    elsewhereYours:
      'Votre plateforme assure le support de votre compte : contactez-la là où vous vous êtes inscrit.',
  },
  documents: {
    types: {
      passport: 'Passeport',
      id_card: 'Carte nationale d’identité',
      driving_license: 'Permis de conduire',
      company_registration: 'Extrait d’immatriculation de l’entreprise',
      tax_id_letter: 'Courrier de l’administration fiscale indiquant le numéro fiscal',
    },
    refusals: {
      FILE_TYPE_NOT_ALLOWED:
        'Ce fichier n’est ni un JPEG, ni un PNG, ni un PDF. Choisissez une photo ou un scan.',
      FILE_TOO_LARGE: 'Ce fichier est trop volumineux : 10 Mo au maximum.',
      FILE_EMPTY: 'Ce fichier est vide. Choisissez-en un autre.',
      FILE_QUOTA_EXCEEDED: 'Trop de fichiers aujourd’hui. Réessayez demain.',
      TEST_FILE_IN_LIVE_MODE:
        'Les documents de test ne peuvent pas servir pour un compte en mode production.',
      NO_DOCUMENT_REQUESTED: 'Aucun document n’est nécessaire pour le moment.',
      DOCUMENT_ALREADY_VERIFIED: 'Un document a déjà été vérifié pour cela.',
      DOCUMENT_UNDER_REVIEW: 'Un document est déjà en cours de vérification pour cela.',
      DOCUMENT_BACK_REQUIRED: 'Ajoutez aussi le verso du document.',
    },
  },
  language: {
    hint: 'Votre tableau de bord, vos e-mails et vos SMS utilisent cette langue, sur tous les appareils où vous vous connectez.',
    saved: 'Enregistré.',
    failed: 'Votre langue n’a pas pu être enregistrée. Réessayez.',
    save: 'Enregistrer la langue',
    notChosen: 'Tant que vous n’avez pas enregistré de langue, vos e-mails et SMS sont en anglais.',
  },
};

export default fr;
