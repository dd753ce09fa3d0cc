import type { Messages } from '../messages.js';

const es: Messages = {
  banner: {
    dueTitle: 'Su plataforma necesita más información',
    dueBody:
      'Agregue estos datos antes del {date}: {fields}. Así podrá seguir aceptando pagos y recibiendo transferencias.',
    dueBodyNoDate:
      'Agregue estos datos: {fields}. Así podrá seguir aceptando pagos y recibiendo transferencias.',
    pastDueTitle: 'Los pagos y las transferencias están en pausa',
    pastDueBody: 'Agregue estos datos para reactivarlos: {fields}.',
    payoutsPausedTitle: 'Las transferencias están en pausa',
    payoutsPausedBody:
      'Agregue estos datos para reactivar las transferencias: {fields}. Puede aceptar pagos hasta el {date} y, mientras tanto, su saldo sigue creciendo.',
    payoutsPausedBodyNoDate:
      'Agregue estos datos para reactivar las transferencias: {fields}. Mientras tanto, su saldo sigue creciendo.',
    verifyingTitle: 'Las transferencias comenzarán cuando se verifiquen sus datos',
    verifyingBody:
      'Estamos verificando los datos que proporcionó. Mientras tanto, su saldo sigue creciendo.',
    provide: 'Agregar información',
    setupTitle: 'Termine de configurar su cuenta',
    setupBody:
      'Su plataforma necesita algunos datos antes de que pueda aceptar pagos y recibir transferencias.',
    continueSetup: 'Continuar la configuración',
    andMore: '{fields} y {count} más',
    by: 'Antes del {date}',
    act: 'Actuar',
    listSeparator: ', ',
    risk: {
      titles: {
        pause_payouts: 'Las transferencias están en pausa',
        rolling_reserve: 'Una reserva móvil del {percent} % durante {days} días',
        require_document: 'Transferencias en pausa: suba un documento de identidad',
        require_information: 'Transferencias en pausa: confirme sus datos',
        answer: 'Transferencias en pausa: responda a una pregunta de su plataforma',
        disable_charges: 'Los pagos y las transferencias están en pausa',
      },
      why: {
        dispute_rate: 'Muchos de sus pagos recientes fueron disputados.',
        refund_rate: 'Muchos de sus pagos recientes fueron reembolsados.',
        volume_change: 'Sus ventas crecieron mucho más rápido de lo habitual.',
        payout_failures: 'Varias transferencias a su banco fueron devueltas.',
        negative_balance: 'Su saldo lleva un tiempo en negativo.',
        other: 'Su plataforma está revisando su cuenta.',
      },
      platformSays: 'Su plataforma indica: «{reason}»',
      effects: {
        payouts: 'Las transferencias esperan; puede seguir aceptando pagos.',
        charges: 'No puede aceptar pagos, y las transferencias esperan.',
        reserve:
          'Se retiene el {percent} % de cada pago durante {days} días y luego se suma a su saldo. Las transferencias continúan.',
      },
      lifts: {
        upload_document: 'Suba un documento de identidad: la medida se levanta una vez verificado.',
        confirm:
          'Confirme que sus datos y su cuenta bancaria son correctos para levantar la medida.',
        answer: 'Responda a la pregunta para levantar la medida.',
        none: 'Su plataforma levanta la medida cuando termine su revisión.',
      },
      documentType: 'Tipo de documento',
      page: 'Foto o escaneo del documento',
      front: 'Anverso del documento',
      back: 'Reverso del documento',
      hint: 'JPEG, PNG o PDF, hasta 10 MB. Las cuatro esquinas visibles, nada tapado.',
      sendDocument: 'Enviar documento',
      sending: 'Enviando…',
      upload: 'Subir un documento',
      documentSent: 'Documento enviado. Las transferencias se reanudan una vez verificado.',
      confirm: 'Mis datos son correctos',
      answerLabel: 'Su respuesta',
      answerHint: 'Al menos 10 caracteres.',
      sendAnswer: 'Enviar respuesta',
      resolved: 'Gracias. Las transferencias se reanudan cuando nada más las retenga.',
      refusals: {
        INTERVENTION_NOT_ACTIVE: 'Esto ya se resolvió.',
        WRONG_RESOLUTION: 'Esto no se puede resolver así.',
        UNKNOWN: 'No se pudo completar. Inténtelo de nuevo.',
      },
    },
    fields: {
      business_type: 'tipo de empresa',
      business_profile_name: 'nombre de la empresa',
      business_profile_url: 'sitio web',
      business_profile_support_email: 'correo electrónico de soporte',
      phone: 'número de teléfono',
      statement_descriptor: 'descriptor del extracto',
      external_account: 'cuenta bancaria',
      tos_acceptance_date: 'aceptación del contrato de servicios',
      tos_acceptance_ip: 'aceptación del contrato de servicios',
      individual_id_number: 'número de identificación',
      representative_id_number: 'número de identificación del representante',
      individual_dob: 'fecha de nacimiento',
      individual_address_line1: 'dirección',
      company_tax_id: 'número de identificación fiscal de la empresa',
      company_owners_provided: 'propietarios de la empresa',
      individual_verification_document: 'documento de identidad',
      representative_verification_document: 'documento de identidad del representante',
      company_verification_document: 'documento de la empresa',
    },
  },
};

export default es;
