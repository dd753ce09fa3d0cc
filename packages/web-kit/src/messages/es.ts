import type { SharedMessages } from '../messages.js';

const es: SharedMessages = {
  nav: {
    home: 'Inicio',
    payments: 'Pagos',
    payouts: 'Transferencias',
    disputes: 'Disputas',
    activity: 'Actividad',
    settings: 'Configuración',
    tax: 'Formularios fiscales',
    menu: 'Menú',
  },
  common: {
    loading: 'Cargando…',
    retry: 'Reintentar',
    cancel: 'Cancelar',
    error: 'Se produjo un error.',
    comingSoon: 'Esta parte del panel estará disponible pronto.',
    language: 'Idioma',
    activity: 'Actividad',
    signOut: 'Cerrar sesión',
    testMode: 'Modo de prueba',
  },
  payoutCode: {
    whyCode:
      'Para proteger su dinero, primero se envía un código a su teléfono (o correo electrónico). Sus transferencias se enviarán a esta cuenta solo después de introducirlo.',
    sendCode: 'Enviar código',
    code: 'Código enviado a {destination}',
    resend: 'Enviar otro código',
    resendIn: 'Enviar otro código en {seconds} s',
    resent: 'Se envió un código nuevo a {destination}.',
    reasons: {
      CODE_WRONG: 'El código no es correcto.',
      CODE_EXPIRED: 'El código caducó. Solicite otro código.',
      CHALLENGE_INVALID: 'Este código ya se usó o dejó de ser válido. Solicite otro código.',
      CHALLENGE_LOCKED: 'Demasiados códigos incorrectos. Solicite otro código.',
      TOO_MANY_CODES: 'Se enviaron demasiados códigos. Inténtelo de nuevo más tarde.',
      TOO_MANY_ATTEMPTS: 'Se probaron demasiados códigos. Inténtelo de nuevo más tarde.',
      RECENT_CONTACT_CHANGE:
        'Su correo electrónico o teléfono cambió hace poco. Por su seguridad, la cuenta de sus transferencias no se puede cambiar durante las 72 horas siguientes.',
      FEATURE_DISABLED:
        'Su plataforma gestiona adónde van sus transferencias: puede agregar su cuenta bancaria por usted.',
    },
  },
  supportContact: {
    contact: 'Contacte a {platform}:',
    contactYours: 'Contacte a su plataforma:',
    elsewhere: '{platform} da soporte a su cuenta: contáctela donde se registró.',
    elsewhereYours: 'Su plataforma da soporte a su cuenta: contáctela donde se registró.',
  },
  language: {
    hint: 'Su panel, sus correos electrónicos y sus SMS usan este idioma en todos los dispositivos en los que inicie sesión.',
    saved: 'Guardado.',
    failed: 'No se pudo guardar su idioma. Inténtelo de nuevo.',
    save: 'Guardar idioma',
    notChosen: 'Hasta que guarde un idioma, sus correos electrónicos y SMS estarán en inglés.',
  },
};

export default es;
