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
