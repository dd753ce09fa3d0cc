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
  documents: {
    types: {
      passport: 'Pasaporte',
      id_card: 'Documento nacional de identidad',
      driving_license: 'Licencia de conducir',
      company_registration: 'Certificado de registro de la empresa',
      tax_id_letter: 'Carta de la autoridad tributaria con el número de identificación fiscal',
    },
    refusals: {
      FILE_TYPE_NOT_ALLOWED: 'Ese archivo no es JPEG, PNG ni PDF. Elija una foto o un escaneo.',
      FILE_TOO_LARGE: 'El archivo es demasiado grande: máximo 10 MB.',
      FILE_EMPTY: 'El archivo está vacío. Elija otro.',
      FILE_QUOTA_EXCEEDED: 'Demasiados archivos hoy. Inténtelo de nuevo mañana.',
      TEST_FILE_IN_LIVE_MODE:
        'Los documentos de prueba no se pueden usar en una cuenta en modo real.',
      NO_DOCUMENT_REQUESTED: 'No se necesita ningún documento por ahora.',
      DOCUMENT_ALREADY_VERIFIED: 'Ya hay un documento verificado para esto.',
      DOCUMENT_UNDER_REVIEW: 'Ya se está revisando un documento para esto.',
      DOCUMENT_BACK_REQUIRED: 'Agregue también el reverso del documento.',
    },
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
