import type { Messages } from '../messages.js';

const fr: Messages = {
  tax: {
    title: 'Formulaires fiscaux',
    loadFailed: 'Vos informations fiscales n’ont pas pu être chargées.',
    notUs:
      'Les formulaires fiscaux américains (Form 1099) concernent les comptes aux États-Unis. Votre compte est en {country} : {platform} ne vous en délivre aucun et vous n’avez rien à faire ici.',
    info: {
      title: 'Informations fiscales',
      intro:
        'Ce que {platform} déclare à l’IRS (l’administration fiscale américaine) à votre sujet : votre numéro d’identification fiscale, ainsi que vos nom et adresse tels qu’ils figurent sur votre déclaration d’impôts (Form W-9).',
      none: 'Pas encore renseignées. Renseignez-les pour que vos formulaires fiscaux vous désignent correctement.',
      tin: 'Numéro fiscal',
      tinType: 'Type de numéro fiscal',
      tinTypes: {
        ssn: 'Numéro de sécurité sociale (SSN)',
        itin: 'Numéro d’identification fiscale individuel (ITIN)',
        ein: 'Numéro d’identification d’employeur (EIN)',
      },
      tinHelp: 'Neuf chiffres. Ensuite, seuls les quatre derniers sont affichés.',
      legalName: 'Nom sur votre déclaration d’impôts',
      address: 'Adresse sur votre déclaration d’impôts',
      line1: 'Adresse',
      line2: 'Appartement, bureau ou unité (facultatif)',
      city: 'Ville',
      state: 'État (deux lettres, par exemple CA)',
      postalCode: 'Code ZIP',
      certified: 'Certifié le {date} par {name}',
      prefilled:
        'Vos nom et adresse viennent des informations de votre compte : vérifiez qu’ils correspondent à votre déclaration d’impôts.',
      enter: 'Renseigner les informations fiscales',
      change: 'Modifier les informations fiscales',
      cancel: 'Annuler',
      certification: 'Certification',
      certificationIntro:
        'Sous peine des sanctions prévues pour faux témoignage, je certifie que :',
      statements: {
        tin: 'le numéro indiqué sur ce formulaire est mon numéro d’identification fiscale exact (ou j’attends qu’un numéro me soit attribué) ; et',
        backup:
          'je ne suis pas soumis à la retenue à la source de sauvegarde (backup withholding) parce que (a) j’en suis exempté, ou (b) l’Internal Revenue Service (IRS) ne m’a pas informé que j’y suis soumis pour n’avoir pas déclaré tous mes intérêts ou dividendes, ou (c) l’IRS m’a informé que je n’y suis plus soumis ; et',
        usPerson: 'je suis citoyen américain ou une autre personne américaine (U.S. person) ; et',
        fatca:
          'le ou les codes FATCA indiqués sur ce formulaire (le cas échéant), attestant que je suis exempté de la déclaration FATCA, sont exacts.',
      },
      certify: 'Je certifie les déclarations ci-dessus.',
      signature: 'Saisissez votre nom complet en guise de signature',
      signedToday: 'Daté d’aujourd’hui, {date}.',
      whyCode:
        'Vos informations fiscales déterminent à qui les revenus sont attribués : pour les enregistrer, il faut un code que nous envoyons à votre téléphone ou à votre e-mail.',
      sendCode: 'Envoyer le code',
      code: 'Code envoyé à {destination}',
      resend: 'Envoyer un nouveau code',
      save: 'Enregistrer les informations fiscales',
      saved: 'Vos informations fiscales ont été enregistrées.',
      fields: {
        tin: 'le numéro fiscal',
        legalName: 'le nom',
        address: {
          line1: 'l’adresse',
          line2: 'l’appartement ou le bureau',
          city: 'la ville',
          state: 'l’État',
          postalCode: 'le code ZIP',
        },
        certify: 'la certification',
        signatureName: 'votre signature',
        code: 'le code',
      },
      reasons: {
        INVALID_FIELD: 'Vérifiez {field}.',
        TIN_DIGITS: 'Un numéro fiscal compte neuf chiffres.',
        CODE_WRONG: 'Ce code n’est pas le bon. Vérifiez-le et réessayez.',
        CODE_EXPIRED: 'Ce code a expiré. Envoyez-en un nouveau.',
        CODE_USED: 'Ce code a déjà été utilisé. Envoyez-en un nouveau.',
        CHALLENGE_INVALID: 'Cette demande de code est terminée. Envoyez un nouveau code.',
        CHALLENGE_LOCKED: 'Trop de codes erronés. Envoyez un nouveau code.',
        RESEND_TOO_SOON: 'Patientez un instant avant de demander un autre code.',
        TOO_MANY_CODES: 'Trop de codes ont été envoyés. Réessayez plus tard.',
        TOO_MANY_ATTEMPTS: 'Trop de codes ont été essayés. Réessayez plus tard.',
        RECENT_CONTACT_CHANGE:
          'Votre e-mail ou votre téléphone a changé récemment : les informations fiscales ne peuvent pas être modifiées pendant 72 heures.',
        US_ACCOUNTS_ONLY: 'Les informations fiscales concernent les comptes aux États-Unis.',
        UNKNOWN: 'Cela n’a pas abouti. Réessayez.',
      },
    },
    delivery: {
      title: 'Envoi électronique',
      explain:
        'Recevez vos formulaires fiscaux ici plutôt que par courrier : nous vous envoyons un e-mail quand un formulaire est prêt, et vous le téléchargez en PDF. Vous pouvez retirer ce consentement à tout moment ; les formulaires déjà délivrés restent ici, et vous pouvez toujours demander une copie papier à {platform}.',
      consented: 'Vous recevez vos formulaires fiscaux par voie électronique (depuis le {date}).',
      notConsented: '{platform} vous envoie vos formulaires fiscaux par courrier.',
      consent: 'Recevoir mes formulaires fiscaux par voie électronique',
      withdraw: 'Retirer mon consentement',
      given: 'Consentement donné.',
      withdrawn: 'Consentement retiré : vos prochains formulaires arriveront par courrier.',
      failed: 'Cela n’a pas abouti. Réessayez.',
    },
    forms: {
      title: 'Vos formulaires fiscaux',
      empty:
        'Aucun formulaire fiscal pour l’instant. Lorsque vos paiements d’une année civile dépassent les seuils de l’IRS, {platform} délivre ici votre Form 1099 au début de l’année suivante.',
      loadFailed: 'Vos formulaires fiscaux n’ont pas pu être chargés.',
      more: 'Afficher plus',
      form: 'Form {name} {year}',
      corrected: 'Rectifié',
      issued: 'Délivré le {date}',
      download: 'Télécharger le PDF',
      downloadLabel: 'Télécharger le Form {name} {year} (PDF)',
      status: {
        available: 'Disponible',
        mail_required: 'Envoyé par courrier',
        superseded: 'Remplacé',
      },
    },
  },
};

export default fr;
