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
