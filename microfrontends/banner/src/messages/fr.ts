import type { Messages } from '../messages.js';

const fr: Messages = {
  banner: {
    dueTitle: 'Votre plateforme a besoin d’informations supplémentaires',
    dueBody:
      'Ajoutez ces informations avant le {date} : {fields}. Vous pourrez ainsi continuer à accepter des paiements et à recevoir des virements.',
    dueBodyNoDate:
      'Ajoutez ces informations : {fields}. Vous pourrez ainsi continuer à accepter des paiements et à recevoir des virements.',
    pastDueTitle: 'Les paiements et les virements sont suspendus',
    pastDueBody: 'Ajoutez ces informations pour les réactiver : {fields}.',
    payoutsPausedTitle: 'Les virements sont suspendus',
    payoutsPausedBody:
      'Ajoutez ces informations pour réactiver les virements : {fields}. Vous pouvez accepter des paiements jusqu’au {date}, et votre solde continue d’augmenter entre-temps.',
    payoutsPausedBodyNoDate:
      'Ajoutez ces informations pour réactiver les virements : {fields}. Votre solde continue d’augmenter entre-temps.',
    verifyingTitle: 'Les virements commenceront une fois vos informations vérifiées',
    verifyingBody:
      'Nous vérifions les informations que vous avez fournies. Votre solde continue d’augmenter entre-temps.',
    provide: 'Ajouter des informations',
    setupTitle: 'Terminez la configuration de votre compte',
    setupBody:
      'Votre plateforme a besoin de quelques informations avant que vous puissiez accepter des paiements et recevoir des virements.',
    continueSetup: 'Poursuivre la configuration',
    andMore: '{fields} et {count} de plus',
    by: 'Avant le {date}',
    act: 'Agir',
    listSeparator: ', ',
    risk: {
      titles: {
        pause_payouts: 'Les virements sont suspendus',
        rolling_reserve: 'Une réserve glissante de {percent} % pendant {days} jours',
        require_document: 'Virements suspendus : importez une pièce d’identité',
        require_information: 'Virements suspendus : confirmez vos informations',
        answer: 'Virements suspendus : répondez à une question de votre plateforme',
        disable_charges: 'Les paiements et les virements sont suspendus',
      },
      why: {
        dispute_rate: 'Beaucoup de vos paiements récents ont été contestés.',
        refund_rate: 'Beaucoup de vos paiements récents ont été remboursés.',
        volume_change: 'Vos ventes ont augmenté bien plus vite que d’habitude.',
        payout_failures: 'Plusieurs virements vers votre banque ont été retournés.',
        negative_balance: 'Votre solde est négatif depuis un moment.',
        other: 'Votre plateforme examine votre compte.',
      },
      platformSays: 'Votre plateforme indique : « {reason} »',
      effects: {
        payouts: 'Les virements attendent ; vous pouvez toujours accepter des paiements.',
        charges: 'Vous ne pouvez pas accepter de paiements, et les virements attendent.',
        reserve:
          '{percent} % de chaque paiement sont retenus pendant {days} jours, puis ajoutés à votre solde. Les virements continuent.',
      },
      lifts: {
        upload_document:
          'Importez une pièce d’identité : la mesure est levée une fois la pièce vérifiée.',
        confirm:
          'Confirmez que vos informations et votre compte bancaire sont exacts pour lever la mesure.',
        answer: 'Répondez à la question pour lever la mesure.',
        none: 'Votre plateforme lève la mesure une fois son examen terminé.',
      },
      documentType: 'Type de document',
      page: 'Photo ou scan du document',
      front: 'Recto du document',
      back: 'Verso du document',
      hint: 'JPEG, PNG ou PDF, 10 Mo maximum. Les quatre coins visibles, rien de masqué.',
      sendDocument: 'Envoyer le document',
      sending: 'Envoi…',
      upload: 'Importer un document',
      documentSent: 'Document envoyé. Les virements reprennent une fois qu’il est vérifié.',
      confirm: 'Mes informations sont exactes',
      answerLabel: 'Votre réponse',
      answerHint: 'Au moins 10 caractères.',
      sendAnswer: 'Envoyer la réponse',
      resolved: 'Merci. Les virements reprennent dès que rien d’autre ne les retient.',
      refusals: {
        INTERVENTION_NOT_ACTIVE: 'Cette mesure est déjà résolue.',
        WRONG_RESOLUTION: 'Cette mesure ne se résout pas ainsi.',
        UNKNOWN: 'Cela n’a pas abouti. Réessayez.',
      },
    },
    fields: {
      business_type: 'type d’entreprise',
      business_profile_name: 'nom de l’entreprise',
      business_profile_url: 'site web',
      business_profile_support_email: 'e-mail d’assistance',
      phone: 'numéro de téléphone',
      statement_descriptor: 'libellé de relevé bancaire',
      external_account: 'compte bancaire',
      tos_acceptance_date: 'acceptation du contrat de services',
      tos_acceptance_ip: 'acceptation du contrat de services',
      individual_id_number: 'numéro d’identification',
      representative_id_number: 'numéro d’identification du représentant',
      individual_dob: 'date de naissance',
      individual_address_line1: 'adresse',
      company_tax_id: 'numéro fiscal de l’entreprise',
      company_owners_provided: 'propriétaires de l’entreprise',
      individual_verification_document: 'pièce d’identité',
      representative_verification_document: 'pièce d’identité du représentant',
      company_verification_document: 'justificatif de l’entreprise',
    },
  },
};

export default fr;
