import { taxFormName } from '../activity/formats.rules.js';
import {
  emailOfItem,
  interventionOfParams,
  recoveryOfParams,
  type InterventionChange,
} from '../risk/risk-facts.rules.js';
import type { Texts } from './texts.js';

const code = (p: Record<string, string>, purpose: string, warning: string) =>
  `${p.code ?? ''} est votre code pour ${purpose}. Il expire dans ${p.minutes ?? '10'} minutes. ${warning}`;
const notYours =
  'Si vous ne l’avez pas demandé, quelqu’un connaît peut-être vos identifiants : ne le communiquez à personne.';
const notYou = ' Si ce n’était pas vous, contactez immédiatement votre plateforme.';

/** Why the risk settings stepped in, by the signal that asked for it. */
const SIGNAL_WHY: Readonly<Record<string, string>> = {
  dispute_rate: 'Beaucoup de vos paiements récents ont été contestés.',
  refund_rate: 'Beaucoup de vos paiements récents ont été remboursés.',
  volume_change: 'Vos ventes ont augmenté bien plus vite que d’habitude.',
  payout_failures: 'Plusieurs virements vers votre banque ont été retournés.',
  negative_balance: 'Votre solde est négatif depuis un moment.',
};
const why = (c: InterventionChange) =>
  c.source === 'platform'
    ? `Votre plateforme indique : « ${c.reason} »`
    : (SIGNAL_WHY[c.signal ?? ''] ?? 'Votre plateforme examine votre compte.');
/** What lifts an intervention, by how the account resolves it. */
const LIFTS: Readonly<Record<InterventionChange['resolution'], string>> = {
  upload_document:
    'Importez une pièce d’identité dans votre tableau de bord : la mesure est levée une fois la pièce vérifiée.',
  confirm: 'Confirmez vos informations dans votre tableau de bord pour lever la mesure.',
  answer:
    'Répondez à la question de votre plateforme dans votre tableau de bord pour lever la mesure.',
  none: 'Votre plateforme lève la mesure une fois son examen terminé.',
};
const LIFTED: Readonly<Record<InterventionChange['kind'], string>> = {
  pause_payouts: 'Suspension des virements levée',
  rolling_reserve: 'Réserve glissante levée',
  require_document: 'Demande de pièce d’identité levée',
  require_information: 'Demande d’informations levée',
  disable_charges: 'Suspension des paiements levée',
};
const LIFTED_BY = {
  account: 'Vous l’avez résolue.',
  platform: 'Votre plateforme l’a levée.',
  automatic: 'L’activité de votre compte est revenue à la normale.',
};

const fr: Texts = {
  templates: {
    'dashboard-ready': (p) => ({
      subject: `Votre tableau de bord ${p.platformName ?? ''} est prêt`.replace(/\s+est/, ' est'),
      text: `Bonjour${p.name ? ` ${p.name}` : ''}, votre tableau de bord est prêt : ${p.url ?? ''}`.trim(),
    }),
    'login-code': (p) => ({
      subject: 'Votre code de connexion',
      text: `${p.code ?? ''} est votre code de connexion. Il expire dans ${p.minutes ?? '10'} minutes. Ne le communiquez jamais.`,
    }),
    'confirm-contact': (p) => ({
      subject: 'Confirmez vos nouvelles coordonnées',
      text: code(
        p,
        'confirmer cette adresse pour votre tableau de bord',
        'Si vous ne l’avez pas demandé, ignorez ce message.',
      ),
    }),
    'confirm-payout-details': (p) => ({
      subject: 'Confirmez le compte de vos virements',
      text: code(p, 'changer le compte bancaire ou la carte qui reçoit vos virements', notYours),
    }),
    'confirm-account-details': (p) => ({
      subject: 'Confirmez la modification de vos informations',
      text: code(
        p,
        'modifier votre nom légal, votre date de naissance, votre numéro d’identification, votre adresse ou les informations de votre entreprise',
        notYours,
      ),
    }),
    'confirm-account-close': (p) => ({
      subject: 'Confirmez la fermeture de votre compte',
      text: code(
        p,
        'fermer définitivement votre compte',
        'Si vous ne l’avez pas demandé, quelqu’un connaît peut-être vos identifiants : ne le communiquez à personne et contactez immédiatement votre plateforme.',
      ),
    }),
    'confirm-tax-info': (p) => ({
      subject: 'Confirmez vos informations fiscales',
      text: code(
        p,
        'modifier vos informations fiscales (numéro d’identification fiscale, nom légal, adresse)',
        notYours,
      ),
    }),
    'approve-contact-change': (p) => ({
      subject: 'Approuvez la modification de vos coordonnées',
      text: code(
        p,
        'approuver le changement de l’e-mail ou du téléphone de votre tableau de bord',
        notYours,
      ),
    }),
    'contact-changed': (p, f) => ({
      subject:
        p.what === 'phone'
          ? 'Votre numéro de téléphone a été modifié'
          : 'Votre adresse e-mail a été modifiée',
      text: `${p.what === 'phone' ? 'Le numéro de téléphone' : 'L’adresse e-mail'} de votre tableau de bord a été ${p.what === 'phone' ? 'modifié' : 'modifiée'} le ${f.moment(p.at)} (${p.by === 'platform' ? 'par votre plateforme, via son API' : `appareil : ${p.device || 'inconnu'}, adresse : ${p.address || 'inconnue'}`}). Les informations de virement ne peuvent pas être modifiées pendant 72 heures. Si ce n’était pas vous, contactez immédiatement votre plateforme.`,
    }),
    'payout-failed': (p) => ({
      subject: 'Un virement a échoué',
      text: `Votre virement de ${p.amount ?? ''} vers ${p.destination ?? ''} a été rejeté par la banque, et l’argent est de retour sur votre solde. Vérifiez vos coordonnées bancaires dans votre tableau de bord : ${p.url ?? ''}`,
    }),
    'dispute-opened': (p) => ({
      subject: 'Un paiement a été contesté',
      text: `Un titulaire de carte a contesté un paiement de ${p.amount ?? ''}. Répondez dans votre tableau de bord avant le ${p.dueBy ?? ''} : ${p.url ?? ''}`,
    }),
    'requirements-due': (p) => ({
      subject: 'Votre plateforme a besoin d’informations supplémentaires',
      text: `Ajoutez ces informations avant le ${p.deadline ?? ''} pour continuer à accepter des paiements et à recevoir des virements : ${p.fields ?? ''}. Ajoutez-les dans votre tableau de bord : ${p.url ?? ''}`,
    }),
    'tax-form-ready': (p) => {
      const form = `formulaire ${p.form ?? ''}${p.corrected === 'true' ? ' rectifié' : ''} pour ${p.year ?? ''}`;
      return {
        subject: `Votre ${form} est prêt`,
        text: `Votre ${form} est prêt à être téléchargé dans votre tableau de bord : ${p.url ?? ''} Vous avez accepté de recevoir vos formulaires fiscaux par voie électronique ; pour retirer ce consentement ou demander une copie papier, utilisez Formulaires fiscaux dans votre tableau de bord ou contactez votre plateforme.`,
      };
    },
    // A risk intervention and a bank debit say by email what their activity items say.
    'risk-intervention': (p, f) => {
      const { change, inForce } = interventionOfParams(p);
      return emailOfItem(fr.intervention(change, inForce, f), fr.email.open, p.url);
    },
    'recovery-debit': (p, f) =>
      emailOfItem(
        fr.activity['recovery_debit.updated'](recoveryOfParams(p), f),
        fr.email.open,
        p.url,
      ),
  },
  email: {
    open: 'Ouvrir votre tableau de bord',
    dashboard: 'Tableau de bord',
    questions: (platform) => `Des questions ? Contactez ${platform} :`,
    sentBy: (platform) => `${platform} vous a envoyé cet e-mail au sujet de votre compte.`,
  },
  activity: {
    'account.closed': () => ({ title: 'Compte fermé', body: 'Ce compte a été fermé.' }),
    'tax_form.available': (p) => ({
      title: `Votre formulaire ${taxFormName(p.formType)}${p.corrected ? ' rectifié' : ''} pour ${p.taxYear} est prêt`,
      body: 'Téléchargez-le depuis Formulaires fiscaux dans votre tableau de bord.',
    }),
    'charge.refunded': (p, f) => ({
      title: 'Remboursement envoyé',
      body: `${f.money(p.amount, p.currency)} a été reversé au client${p.requestedBy === 'platform' ? ' (remboursé par votre plateforme)' : ''}.`,
    }),
    'payout.created': (p, f) => ({
      title: 'Virement lancé',
      body: `${f.money(p.amount, p.currency)} vers ${p.destination}${p.method === 'instant' ? ', en instantané' : ''}.`,
    }),
    'payout.upcoming': (p, f) => ({
      title: 'Virement à venir',
      body: `${f.money(p.amount, p.currency)} est en route vers ${p.destination}, arrivée prévue le ${f.day(p.arrivalDate)}.`,
    }),
    'payout.paid': (p, f) => ({
      title: 'Virement reçu',
      body: `${f.money(p.amount, p.currency)} est arrivé sur ${p.destination}.`,
    }),
    'payout.failed': (p, f) => ({
      title: 'Virement échoué',
      body: `${f.money(p.amount, p.currency)} vers ${p.destination} a été rejeté : ${p.failureMessage} L’argent est de retour sur votre solde ; vérifiez vos coordonnées bancaires.`,
    }),
    'payout.canceled': (p, f) => ({
      title: 'Virement annulé',
      body: `${f.money(p.amount, p.currency)} est de retour sur votre solde.`,
    }),
    'external_account.updated': (p) => {
      const card = p.kind === 'card';
      const thing = card ? 'carte de débit' : 'compte bancaire';
      const the = card ? 'la' : 'le';
      const currency = p.currency.toUpperCase();
      const who = p.by === 'platform' ? 'Votre plateforme a' : 'Vous avez';
      const it = card ? 'la' : 'le';
      switch (p.change) {
        case 'default_changed':
          return {
            title: `${card ? 'Votre carte de débit par défaut' : 'Votre compte bancaire par défaut'} en ${currency} a changé`,
            body: `Les virements en ${currency} sont désormais versés sur ${the} ${thing} se terminant par ${p.last4} (${p.by === 'platform' ? 'choix de votre plateforme' : 'votre choix'}).${notYou}`,
          };
        case 'removed':
          return {
            title: card ? 'Carte de débit supprimée' : 'Compte bancaire supprimé',
            body: `${who} supprimé ${the} ${thing} se terminant par ${p.last4} (${currency}).${notYou}`,
          };
        case 'updated':
          return {
            title: card ? 'Carte de débit ajoutée à nouveau' : 'Compte bancaire ajouté à nouveau',
            body: `${who} ajouté à nouveau ${the} ${thing} se terminant par ${p.last4} (${currency}) : les virements y sont de nouveau versés.`,
          };
        case 'errored':
          return {
            title: `Action requise : ${thing} se terminant par ${p.last4}`,
            body: `Un virement vers ${card ? 'cette carte' : 'ce compte'} a été rejeté : ${p.failureMessage ?? 'la banque l’a refusé.'} Remplacez-${it}, ou ajoutez-${it} à nouveau une fois que votre banque aura réglé le problème.`,
          };
        default:
          return {
            title: card
              ? 'Carte de débit des virements modifiée'
              : 'Compte bancaire des virements modifié',
            body: `${who} ${p.change === 'replaced' ? 'remplacé' : 'ajouté'} ${the} ${thing} se terminant par ${p.last4} (${currency}).${notYou}`,
          };
      }
    },
    'payout_schedule.updated': (p, f) => {
      const when = {
        daily: 'tous les jours',
        weekly: `chaque ${f.weekday(p.weeklyAnchor)}`,
        monthly: `tous les mois, le ${p.monthlyAnchor}`,
        manual: 'manuel : seulement sur demande',
      }[p.interval];
      return {
        title: 'Calendrier des virements modifié',
        body: `${p.by === 'platform' ? 'Votre plateforme a' : 'Vous avez'} réglé les virements sur « ${when} ».`,
      };
    },
    'dispute.created': (p, f) => ({
      title: p.status.startsWith('warning_')
        ? 'Un titulaire de carte s’interroge sur un paiement'
        : 'Un paiement a été contesté',
      body: `${f.money(p.amount, p.currency)} pour ${p.chargeId}. Répondez avant le ${f.day(p.evidenceDueBy)}.`,
    }),
    'dispute.funds_withdrawn': (p, f) => ({
      title: 'Litige : fonds prélevés',
      body: `${f.money(p.amount, p.currency)} et des frais de litige de ${f.money(p.fee, p.currency)} ont été prélevés sur votre solde pendant le litige.`,
    }),
    'dispute.updated': () => ({
      title: 'Justificatifs du litige envoyés',
      body: 'Le réseau de cartes examine vos justificatifs.',
    }),
    'dispute.closed': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      if (p.status === 'won')
        return { title: 'Vous avez gagné un litige', body: `${amount} revient sur votre solde.` };
      if (p.status === 'lost')
        return {
          title: 'Vous avez perdu un litige',
          body: `${amount} reste au titulaire de la carte.`,
        };
      return { title: 'Demande close', body: 'Aucun mouvement d’argent.' };
    },
    'dispute.funds_reinstated': (p, f) => ({
      title: 'Litige : fonds restitués',
      body: `${f.money(p.amount, p.currency)} est de retour sur votre solde.`,
    }),
    'recovery_debit.updated': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      const bank = p.destination || 'votre compte bancaire';
      switch (p.status) {
        case 'pending':
          return {
            title: 'Recouvrement de votre solde négatif',
            body: `Nous prélevons ${amount} sur ${bank} pour couvrir votre solde négatif.${p.attempt > 1 ? ` Tentative ${p.attempt}.` : ''}`,
          };
        case 'succeeded':
          return {
            title: 'Solde négatif couvert',
            body: `${amount} a été prélevé sur ${bank} : votre solde n’est plus négatif.`,
          };
        case 'retrying':
          return {
            title: 'Échec du prélèvement',
            body: `Le prélèvement de ${amount} sur ${bank} a échoué : ${p.failureMessage ?? 'la banque l’a refusé.'} Nous réessaierons le ${f.day(p.nextAttemptAt)} ; ajoutez des fonds dans votre tableau de bord pour régulariser plus tôt.`,
          };
        default:
          return {
            title: 'Solde négatif non recouvré',
            body: `Nous n’avons pas pu prélever ${amount} sur ${bank}${p.failureMessage ? ` : ${p.failureMessage}` : '.'} Votre plateforme a couvert ce que vous deviez et pourra vous contacter à ce sujet.`,
          };
      }
    },
  },
  detailsChanged: (by, fields) => ({
    title: 'Informations du compte mises à jour',
    body: `${by === 'platform' ? 'Votre plateforme a modifié' : 'Vous avez modifié'} : ${fields}.`,
  }),
  requirements: (state, fields, f) => {
    if (state.currentlyDue.length > 0)
      return {
        title: state.payoutsEnabled
          ? 'Informations supplémentaires requises'
          : 'Les virements sont suspendus',
        body: `Fournissez ces informations pour réactiver les virements : ${fields}.${
          state.chargesEnabled && state.currentDeadline
            ? ` Vous pouvez accepter des paiements jusqu’au ${f.day(state.currentDeadline)} ; votre solde continue d’augmenter entre-temps.`
            : state.chargesEnabled
              ? ' Votre solde continue d’augmenter entre-temps.'
              : ' Les paiements sont aussi suspendus.'
        }`,
      };
    if (state.pendingVerification.length > 0)
      return {
        title: 'Vérification de vos informations',
        body: 'Les virements commenceront une fois la vérification terminée.',
      };
    return {
      title: 'Compte vérifié',
      body: state.payoutsEnabled
        ? 'Les paiements et les virements sont activés.'
        : 'Les paiements sont activés.',
    };
  },
  intervention: (c, inForce) => {
    if (c.action === 'placed') {
      const percent = c.reservePercent ?? 0;
      const days = c.reserveDays ?? 0;
      const then = `${why(c)} ${c.kind === 'disable_charges' ? 'Vous ne pouvez pas accepter de paiements, et les virements attendent.' : 'Les virements attendent ; vous pouvez toujours accepter des paiements.'} ${LIFTS[c.resolution]}`;
      switch (c.kind) {
        case 'rolling_reserve':
          return {
            title: `Une réserve glissante de ${percent} % pendant ${days} jours`,
            body: `${why(c)} ${percent} % de chaque paiement sont retenus pendant ${days} jours, puis ajoutés à votre solde. Les virements continuent ; votre plateforme lève la réserve une fois son examen terminé.`,
          };
        case 'disable_charges':
          return { title: 'Paiements et virements suspendus', body: then };
        case 'require_document':
          return { title: 'Virements suspendus : pièce d’identité requise', body: then };
        case 'require_information':
          return {
            title:
              c.resolution === 'answer'
                ? 'Virements suspendus : une question pour vous'
                : 'Virements suspendus : confirmez vos informations',
            body: then,
          };
        default:
          return { title: 'Virements suspendus', body: then };
      }
    }
    const by = LIFTED_BY[c.liftedBy ?? 'platform'];
    if (c.kind === 'rolling_reserve')
      return {
        title: LIFTED[c.kind],
        body: `${by} Les nouveaux paiements ne sont plus retenus ; les montants retenus sont toujours ajoutés à votre solde comme prévu.`,
      };
    const charges =
      c.kind === 'disable_charges' && !inForce?.chargesDisabled
        ? ' Vous pouvez de nouveau accepter des paiements.'
        : '';
    const payouts = inForce?.payoutsPaused
      ? ' Les virements restent suspendus tant qu’un autre examen est en cours.'
      : ' Les virements reprennent.';
    return { title: LIFTED[c.kind], body: `${by}${charges}${payouts}` };
  },
  fields: {
    email: 'adresse e-mail',
    phone: 'numéro de téléphone',
    displayName: 'nom du compte',
    statementDescriptor: 'libellé de relevé bancaire',
    defaultCurrency: 'devise par défaut',
    businessType: 'type d’entreprise',
    'businessProfile.name': 'nom de l’entreprise',
    'businessProfile.url': 'site web',
    'businessProfile.supportEmail': 'e-mail d’assistance',
    'businessProfile.supportPhone': 'téléphone d’assistance',
    'businessProfile.supportAddress': 'adresse d’assistance',
    external_account: 'un compte bancaire',
    tos_acceptance: 'acceptation du contrat de services',
    'business_profile.product_description': 'ce que vous vendez',
    'person.legal_name': 'nom légal',
    'person.dob': 'date de naissance',
    'person.id_number': 'numéro d’identification',
    'person.address': 'adresse',
    'person.title': 'fonction',
    'person.verification.document': 'une pièce d’identité',
    'company.name': 'nom de l’entreprise',
    'company.tax_id': 'numéro fiscal',
    'company.phone': 'téléphone de l’entreprise',
    'company.address': 'adresse de l’entreprise',
    'company.verification.document': 'un justificatif d’entreprise',
    owners: 'propriétaires',
  },
};

export default fr;
