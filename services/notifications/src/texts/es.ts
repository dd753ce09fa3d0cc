import { taxFormName } from '../activity/formats.rules.js';
import {
  emailOfItem,
  interventionOfParams,
  recoveryOfParams,
  type InterventionChange,
} from '../risk/risk-facts.rules.js';
import type { Texts } from './texts.js';

const code = (p: Record<string, string>, purpose: string, warning: string) =>
  `${p.code ?? ''} es su código para ${purpose}. Caduca en ${p.minutes ?? '10'} minutos. ${warning}`;
const notYours =
  'Si no lo solicitó, es posible que alguien tenga sus datos de inicio de sesión: no lo comparta.';
const notYou = ' Si no fue usted, contacte a su plataforma de inmediato.';

/** Why the risk settings stepped in, by the signal that asked for it. */
const SIGNAL_WHY: Readonly<Record<string, string>> = {
  dispute_rate: 'Muchos de sus pagos recientes fueron disputados.',
  refund_rate: 'Muchos de sus pagos recientes fueron reembolsados.',
  volume_change: 'Sus ventas crecieron mucho más rápido de lo habitual.',
  payout_failures: 'Varias transferencias a su banco fueron devueltas.',
  negative_balance: 'Su saldo lleva un tiempo en negativo.',
};
const why = (c: InterventionChange) =>
  c.source === 'platform'
    ? `Su plataforma indica: «${c.reason}»`
    : (SIGNAL_WHY[c.signal ?? ''] ?? 'Su plataforma está revisando su cuenta.');
/** What lifts an intervention, by how the account resolves it. */
const LIFTS: Readonly<Record<InterventionChange['resolution'], string>> = {
  upload_document:
    'Suba un documento de identidad en su panel: la medida se levanta una vez verificado.',
  confirm: 'Confirme sus datos en su panel para levantar la medida.',
  answer: 'Responda a la pregunta de su plataforma en su panel para levantar la medida.',
  none: 'Su plataforma levanta la medida cuando termine su revisión.',
};
const LIFTED: Readonly<Record<InterventionChange['kind'], string>> = {
  pause_payouts: 'Pausa de transferencias levantada',
  rolling_reserve: 'Reserva móvil levantada',
  require_document: 'Solicitud de documento de identidad levantada',
  require_information: 'Solicitud de información levantada',
  disable_charges: 'Pausa de pagos levantada',
};
const LIFTED_BY = {
  account: 'Usted la resolvió.',
  platform: 'Su plataforma la levantó.',
  automatic: 'La actividad de su cuenta volvió a la normalidad.',
};

const es: Texts = {
  templates: {
    'dashboard-ready': (p) => ({
      subject: `Su panel de ${p.platformName ?? ''} está listo`.replace(' de  ', ' '),
      text: `Hola${p.name ? ` ${p.name}` : ''}, su panel está listo: ${p.url ?? ''}`.trim(),
    }),
    'login-code': (p) => ({
      subject: 'Su código de inicio de sesión',
      text: `${p.code ?? ''} es su código de inicio de sesión. Caduca en ${p.minutes ?? '10'} minutos. No lo comparta nunca.`,
    }),
    'confirm-contact': (p) => ({
      subject: 'Confirme sus nuevos datos de contacto',
      text: code(
        p,
        'confirmar esta dirección para su panel',
        'Si no lo solicitó, ignore este mensaje.',
      ),
    }),
    'confirm-payout-details': (p) => ({
      subject: 'Confirme adónde van sus transferencias',
      text: code(
        p,
        'cambiar la cuenta bancaria o la tarjeta que recibe sus transferencias',
        notYours,
      ),
    }),
    'confirm-account-details': (p) => ({
      subject: 'Confirme los cambios en sus datos',
      text: code(
        p,
        'cambiar su nombre legal, fecha de nacimiento, número de identificación, dirección o los datos de su empresa',
        notYours,
      ),
    }),
    'confirm-account-close': (p) => ({
      subject: 'Confirme el cierre de su cuenta',
      text: code(
        p,
        'cerrar definitivamente su cuenta',
        'Si no lo solicitó, es posible que alguien tenga sus datos de inicio de sesión: no lo comparta y contacte a su plataforma de inmediato.',
      ),
    }),
    'confirm-tax-info': (p) => ({
      subject: 'Confirme su información fiscal',
      text: code(
        p,
        'cambiar su información fiscal (número de identificación fiscal, nombre legal, dirección)',
        notYours,
      ),
    }),
    'approve-contact-change': (p) => ({
      subject: 'Apruebe un cambio en sus datos de contacto',
      text: code(p, 'aprobar el cambio del correo electrónico o el teléfono de su panel', notYours),
    }),
    'contact-changed': (p, f) => ({
      subject:
        p.what === 'phone' ? 'Se cambió su número de teléfono' : 'Se cambió su correo electrónico',
      text: `El ${p.what === 'phone' ? 'número de teléfono' : 'correo electrónico'} de su panel se cambió el ${f.moment(p.at)} (${p.by === 'platform' ? 'lo cambió su plataforma mediante su API' : `dispositivo: ${p.device || 'desconocido'}, dirección: ${p.address || 'desconocida'}`}). Los datos de transferencia no se pueden cambiar durante 72 horas. Si no fue usted, contacte a su plataforma de inmediato.`,
    }),
    'payout-failed': (p) => ({
      subject: 'Una transferencia falló',
      text: `El banco devolvió su transferencia de ${p.amount ?? ''} a ${p.destination ?? ''} y el dinero volvió a su saldo. Revise sus datos bancarios en su panel: ${p.url ?? ''}`,
    }),
    'dispute-opened': (p) => ({
      subject: 'Se disputó un pago',
      text: `Un titular de tarjeta disputó un pago de ${p.amount ?? ''}. Responda en su panel antes del ${p.dueBy ?? ''}: ${p.url ?? ''}`,
    }),
    'requirements-due': (p) => ({
      subject: 'Su plataforma necesita más información',
      text: `Agregue estos datos antes del ${p.deadline ?? ''} para seguir aceptando pagos y recibiendo transferencias: ${p.fields ?? ''}. Agréguelos en su panel: ${p.url ?? ''}`,
    }),
    'tax-form-ready': (p) => {
      const form = `formulario ${p.form ?? ''}${p.corrected === 'true' ? ' corregido' : ''} de ${p.year ?? ''}`;
      return {
        subject: `Su ${form} está listo`,
        text: `Su ${form} está listo para descargar en su panel: ${p.url ?? ''} Usted aceptó recibir sus formularios fiscales por vía electrónica; para retirar ese consentimiento o pedir una copia en papel, use Formularios fiscales en su panel o contacte a su plataforma.`,
      };
    },
    // A risk intervention and a bank debit say by email what their activity items say.
    'risk-intervention': (p, f) => {
      const { change, inForce } = interventionOfParams(p);
      return emailOfItem(es.intervention(change, inForce, f), es.email.open, p.url);
    },
    'recovery-debit': (p, f) =>
      emailOfItem(
        es.activity['recovery_debit.updated'](recoveryOfParams(p), f),
        es.email.open,
        p.url,
      ),
  },
  email: {
    open: 'Abrir su panel',
    dashboard: 'Panel',
    questions: (platform) => `¿Tiene preguntas? Contacte a ${platform}:`,
    sentBy: (platform) => `${platform} le envió este correo electrónico sobre su cuenta.`,
  },
  activity: {
    'account.closed': () => ({ title: 'Cuenta cerrada', body: 'Esta cuenta se cerró.' }),
    'tax_form.available': (p) => ({
      title: `Su formulario ${taxFormName(p.formType)}${p.corrected ? ' corregido' : ''} de ${p.taxYear} está listo`,
      body: 'Descárguelo desde Formularios fiscales en su panel.',
    }),
    'charge.refunded': (p, f) => ({
      title: 'Reembolso enviado',
      body: `${f.money(p.amount, p.currency)} se devolvió al cliente${p.requestedBy === 'platform' ? ' (reembolsado por su plataforma)' : ''}.`,
    }),
    'payout.created': (p, f) => ({
      title: 'Transferencia iniciada',
      body: `${f.money(p.amount, p.currency)} a ${p.destination}${p.method === 'instant' ? ', al instante' : ''}.`,
    }),
    'payout.upcoming': (p, f) => ({
      title: 'Próxima transferencia',
      body: `${f.money(p.amount, p.currency)} va en camino a ${p.destination}; llegada prevista el ${f.day(p.arrivalDate)}.`,
    }),
    'payout.paid': (p, f) => ({
      title: 'Transferencia recibida',
      body: `${f.money(p.amount, p.currency)} llegó a ${p.destination}.`,
    }),
    'payout.failed': (p, f) => ({
      title: 'Transferencia fallida',
      body: `Se devolvió la transferencia de ${f.money(p.amount, p.currency)} a ${p.destination}: ${p.failureMessage} El dinero volvió a su saldo; revise sus datos bancarios.`,
    }),
    'payout.canceled': (p, f) => ({
      title: 'Transferencia cancelada',
      body: `${f.money(p.amount, p.currency)} volvió a su saldo.`,
    }),
    'external_account.updated': (p) => {
      const card = p.kind === 'card';
      const thing = card ? 'tarjeta de débito' : 'cuenta bancaria';
      const currency = p.currency.toUpperCase();
      const who = p.by === 'platform' ? 'Su plataforma' : 'Usted';
      switch (p.change) {
        case 'default_changed':
          return {
            title: `Cambió su ${thing} predeterminada para ${currency}`,
            body: `Las transferencias en ${currency} ahora van a la ${thing} que termina en ${p.last4} (${p.by === 'platform' ? 'elegida por su plataforma' : 'elegida por usted'}).${notYou}`,
          };
        case 'removed':
          return {
            title: card ? 'Tarjeta de débito eliminada' : 'Cuenta bancaria eliminada',
            body: `${who} eliminó la ${thing} que termina en ${p.last4} (${currency}).${notYou}`,
          };
        case 'updated':
          return {
            title: card
              ? 'Tarjeta de débito agregada de nuevo'
              : 'Cuenta bancaria agregada de nuevo',
            body: `${who} volvió a agregar la ${thing} que termina en ${p.last4} (${currency}): las transferencias vuelven a ir a ella.`,
          };
        case 'errored':
          return {
            title: `Acción necesaria: ${thing} que termina en ${p.last4}`,
            body: `Se devolvió una transferencia a esta ${thing}: ${p.failureMessage ?? 'el banco la rechazó.'} Reemplácela o agréguela de nuevo cuando su banco haya resuelto el problema.`,
          };
        default:
          return {
            title: card
              ? 'Cambió la tarjeta de débito de sus transferencias'
              : 'Cambió la cuenta bancaria de sus transferencias',
            body: `${who} ${p.change === 'replaced' ? 'reemplazó' : 'agregó'} la ${thing} que termina en ${p.last4} (${currency}).${notYou}`,
          };
      }
    },
    'payout_schedule.updated': (p, f) => {
      const when = {
        daily: 'todos los días',
        weekly: `cada ${f.weekday(p.weeklyAnchor)}`,
        monthly: `cada mes, el día ${p.monthlyAnchor}`,
        manual: 'manual: solo cuando se solicite',
      }[p.interval];
      return {
        title: 'Calendario de transferencias cambiado',
        body: `${p.by === 'platform' ? 'Su plataforma configuró' : 'Usted configuró'} las transferencias como «${when}».`,
      };
    },
    'dispute.created': (p, f) => ({
      title: p.status.startsWith('warning_')
        ? 'Un titular de tarjeta hizo una consulta sobre un pago'
        : 'Se disputó un pago',
      body: `${f.money(p.amount, p.currency)} por ${p.chargeId}. Responda antes del ${f.day(p.evidenceDueBy)}.`,
    }),
    'dispute.funds_withdrawn': (p, f) => ({
      title: 'Disputa: fondos retirados',
      body: `Se descontaron de su saldo ${f.money(p.amount, p.currency)} y una comisión por disputa de ${f.money(p.fee, p.currency)} mientras la disputa siga abierta.`,
    }),
    'dispute.updated': () => ({
      title: 'Pruebas de la disputa enviadas',
      body: 'La red de tarjetas está revisando sus pruebas.',
    }),
    'dispute.closed': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      if (p.status === 'won')
        return { title: 'Ganó una disputa', body: `${amount} vuelve a su saldo.` };
      if (p.status === 'lost')
        return {
          title: 'Perdió una disputa',
          body: `${amount} se queda con el titular de la tarjeta.`,
        };
      return { title: 'Consulta cerrada', body: 'No se movió dinero.' };
    },
    'dispute.funds_reinstated': (p, f) => ({
      title: 'Disputa: fondos devueltos',
      body: `${f.money(p.amount, p.currency)} volvió a su saldo.`,
    }),
    'recovery_debit.updated': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      const bank = p.destination || 'su cuenta bancaria';
      switch (p.status) {
        case 'pending':
          return {
            title: 'Recuperando su saldo negativo',
            body: `Estamos cobrando ${amount} de ${bank} para cubrir su saldo negativo.${p.attempt > 1 ? ` Intento ${p.attempt}.` : ''}`,
          };
        case 'succeeded':
          return {
            title: 'Saldo negativo cubierto',
            body: `Se cobraron ${amount} de ${bank}: su saldo ya no es negativo.`,
          };
        case 'retrying':
          return {
            title: 'Falló el cobro bancario',
            body: `El cobro de ${amount} de ${bank} falló: ${p.failureMessage ?? 'el banco lo rechazó.'} Lo intentaremos de nuevo el ${f.day(p.nextAttemptAt)}; agregue fondos en su panel para saldarlo antes.`,
          };
        default:
          return {
            title: 'Saldo negativo no recuperado',
            body: `No pudimos cobrar ${amount} de ${bank}${p.failureMessage ? `: ${p.failureMessage}` : '.'} Su plataforma cubrió lo que debía y puede contactarle al respecto.`,
          };
      }
    },
  },
  detailsChanged: (by, fields) => ({
    title: 'Datos de la cuenta actualizados',
    body: `${by === 'platform' ? 'Su plataforma cambió' : 'Usted cambió'}: ${fields}.`,
  }),
  requirements: (state, fields, f) => {
    if (state.currentlyDue.length > 0)
      return {
        title: state.payoutsEnabled
          ? 'Se necesita más información'
          : 'Las transferencias están en pausa',
        body: `Proporcione estos datos para reactivar las transferencias: ${fields}.${
          state.chargesEnabled && state.currentDeadline
            ? ` Puede aceptar pagos hasta el ${f.day(state.currentDeadline)}; mientras tanto, su saldo sigue creciendo.`
            : state.chargesEnabled
              ? ' Mientras tanto, su saldo sigue creciendo.'
              : ' Los pagos también están en pausa.'
        }`,
      };
    if (state.pendingVerification.length > 0)
      return {
        title: 'Verificando sus datos',
        body: 'Las transferencias comenzarán cuando termine la verificación.',
      };
    return {
      title: 'Cuenta verificada',
      body: state.payoutsEnabled
        ? 'Los pagos y las transferencias están activados.'
        : 'Los pagos están activados.',
    };
  },
  intervention: (c, inForce) => {
    if (c.action === 'placed') {
      const percent = c.reservePercent ?? 0;
      const days = c.reserveDays ?? 0;
      const then = `${why(c)} ${c.kind === 'disable_charges' ? 'No puede aceptar pagos, y las transferencias esperan.' : 'Las transferencias esperan; puede seguir aceptando pagos.'} ${LIFTS[c.resolution]}`;
      switch (c.kind) {
        case 'rolling_reserve':
          return {
            title: `Una reserva móvil del ${percent} % durante ${days} días`,
            body: `${why(c)} Se retiene el ${percent} % de cada pago durante ${days} días y luego se suma a su saldo. Las transferencias continúan; su plataforma levanta la reserva cuando termine su revisión.`,
          };
        case 'disable_charges':
          return { title: 'Pagos y transferencias en pausa', body: then };
        case 'require_document':
          return {
            title: 'Transferencias en pausa: se necesita un documento de identidad',
            body: then,
          };
        case 'require_information':
          return {
            title:
              c.resolution === 'answer'
                ? 'Transferencias en pausa: una pregunta para usted'
                : 'Transferencias en pausa: confirme sus datos',
            body: then,
          };
        default:
          return { title: 'Transferencias en pausa', body: then };
      }
    }
    const by = LIFTED_BY[c.liftedBy ?? 'platform'];
    if (c.kind === 'rolling_reserve')
      return {
        title: LIFTED[c.kind],
        body: `${by} Los pagos nuevos ya no se retienen; lo retenido se sigue sumando a su saldo según lo previsto.`,
      };
    const charges =
      c.kind === 'disable_charges' && !inForce?.chargesDisabled
        ? ' Puede volver a aceptar pagos.'
        : '';
    const payouts = inForce?.payoutsPaused
      ? ' Las transferencias siguen en pausa mientras haya otra revisión abierta.'
      : ' Las transferencias se reanudan.';
    return { title: LIFTED[c.kind], body: `${by}${charges}${payouts}` };
  },
  fields: {
    email: 'correo electrónico',
    phone: 'número de teléfono',
    displayName: 'nombre de la cuenta',
    statementDescriptor: 'descriptor del extracto',
    defaultCurrency: 'moneda predeterminada',
    businessType: 'tipo de empresa',
    'businessProfile.name': 'nombre de la empresa',
    'businessProfile.url': 'sitio web',
    'businessProfile.supportEmail': 'correo electrónico de soporte',
    'businessProfile.supportPhone': 'teléfono de soporte',
    'businessProfile.supportAddress': 'dirección de soporte',
    external_account: 'una cuenta bancaria',
    tos_acceptance: 'aceptación del contrato de servicios',
    'business_profile.product_description': 'lo que vende',
    'person.legal_name': 'nombre legal',
    'person.dob': 'fecha de nacimiento',
    'person.id_number': 'número de identificación',
    'person.address': 'dirección',
    'person.title': 'cargo',
    'person.verification.document': 'un documento de identidad',
    'company.name': 'nombre de la empresa',
    'company.tax_id': 'número de identificación fiscal',
    'company.phone': 'teléfono de la empresa',
    'company.address': 'dirección de la empresa',
    'company.verification.document': 'un documento de la empresa',
    owners: 'propietarios',
  },
};

export default es;
