import type { Messages } from '../messages.js';

const es: Messages = {
  tax: {
    title: 'Formularios fiscales',
    loadFailed: 'No se pudo cargar tu información fiscal.',
    notUs:
      'Los formularios fiscales de EE. UU. (Form 1099) son para cuentas en Estados Unidos. Tu cuenta está en {country}, así que {platform} no te emite ninguno y aquí no tienes que hacer nada.',
    info: {
      title: 'Información fiscal',
      intro:
        'Lo que {platform} informa al IRS (la agencia tributaria de EE. UU.) sobre ti: tu número de identificación fiscal, y tu nombre y dirección tal como figuran en tu declaración de impuestos (Form W-9).',
      none: 'Aún no la has indicado. Indícala para que tus formularios fiscales te identifiquen correctamente.',
      tin: 'Número fiscal',
      tinType: 'Tipo de número fiscal',
      tinTypes: {
        ssn: 'Número de Seguro Social (SSN)',
        itin: 'Número de Identificación Personal del Contribuyente (ITIN)',
        ein: 'Número de Identificación del Empleador (EIN)',
      },
      tinHelp: 'Nueve dígitos. Después solo se muestran los cuatro últimos.',
      legalName: 'Nombre en tu declaración de impuestos',
      address: 'Dirección en tu declaración de impuestos',
      line1: 'Dirección',
      line2: 'Apartamento, oficina o unidad (opcional)',
      city: 'Ciudad',
      state: 'Estado (dos letras, como CA)',
      postalCode: 'Código ZIP',
      certified: 'Certificado el {date} por {name}',
      prefilled:
        'Tu nombre y dirección vienen de los datos de tu cuenta: comprueba que coinciden con tu declaración de impuestos.',
      enter: 'Indicar información fiscal',
      change: 'Cambiar información fiscal',
      cancel: 'Cancelar',
      certification: 'Certificación',
      certificationIntro: 'Bajo pena de perjurio, certifico que:',
      statements: {
        tin: 'El número que figura en este formulario es mi número de identificación fiscal correcto (o estoy esperando que se me asigne uno); y',
        backup:
          'No estoy sujeto a la retención adicional (backup withholding) porque (a) estoy exento de ella, o (b) el Servicio de Impuestos Internos (IRS) no me ha notificado que estoy sujeto a ella por no declarar todos los intereses o dividendos, o (c) el IRS me ha notificado que ya no estoy sujeto a ella; y',
        usPerson: 'Soy ciudadano estadounidense u otra persona estadounidense (U.S. person); y',
        fatca:
          'Los códigos FATCA indicados en este formulario (si los hay), que señalan que estoy exento de la declaración FATCA, son correctos.',
      },
      certify: 'Certifico las declaraciones anteriores.',
      signature: 'Escribe tu nombre completo como firma',
      signedToday: 'Fechado hoy, {date}.',
      whyCode:
        'Tu información fiscal decide de quién son los ingresos que se declaran: para guardarla necesitas un código que enviamos a tu teléfono o correo electrónico.',
      sendCode: 'Enviar código',
      code: 'Código enviado a {destination}',
      resend: 'Enviar un código nuevo',
      save: 'Guardar información fiscal',
      saved: 'Tu información fiscal se ha guardado.',
      fields: {
        tin: 'el número fiscal',
        legalName: 'el nombre',
        address: {
          line1: 'la dirección',
          line2: 'el apartamento u oficina',
          city: 'la ciudad',
          state: 'el estado',
          postalCode: 'el código ZIP',
        },
        certify: 'la certificación',
        signatureName: 'tu firma',
        code: 'el código',
      },
      reasons: {
        INVALID_FIELD: 'Revisa {field}.',
        TIN_DIGITS: 'Un número fiscal tiene nueve dígitos.',
        CODE_WRONG: 'El código no es correcto. Revísalo e inténtalo de nuevo.',
        CODE_EXPIRED: 'Este código ha caducado. Envía uno nuevo.',
        CODE_USED: 'Este código ya se ha usado. Envía uno nuevo.',
        CHALLENGE_INVALID: 'Esta solicitud de código ha terminado. Envía un código nuevo.',
        CHALLENGE_LOCKED: 'Demasiados códigos incorrectos. Envía un código nuevo.',
        RESEND_TOO_SOON: 'Espera un momento antes de pedir otro código.',
        TOO_MANY_CODES: 'Se han enviado demasiados códigos. Inténtalo más tarde.',
        TOO_MANY_ATTEMPTS: 'Se han probado demasiados códigos. Inténtalo más tarde.',
        RECENT_CONTACT_CHANGE:
          'Tu correo electrónico o teléfono cambió hace poco, así que la información fiscal no se puede cambiar durante 72 horas.',
        US_ACCOUNTS_ONLY: 'La información fiscal es para cuentas en Estados Unidos.',
        UNKNOWN: 'No se pudo completar. Inténtalo de nuevo.',
      },
    },
    delivery: {
      title: 'Entrega electrónica',
      explain:
        'Recibe tus formularios fiscales aquí en lugar de por correo postal: te enviamos un correo electrónico cuando haya uno listo y lo descargas en PDF. Puedes retirar este consentimiento en cualquier momento; los formularios ya emitidos siguen aquí y puedes seguir pidiendo a {platform} una copia en papel.',
      consented: 'Recibes tus formularios fiscales de forma electrónica (desde el {date}).',
      notConsented: '{platform} te envía tus formularios fiscales por correo postal.',
      consent: 'Recibir mis formularios fiscales de forma electrónica',
      withdraw: 'Retirar el consentimiento',
      given: 'Consentimiento dado.',
      withdrawn: 'Consentimiento retirado: tus próximos formularios llegarán por correo postal.',
      failed: 'No se pudo completar. Inténtalo de nuevo.',
    },
    forms: {
      title: 'Tus formularios fiscales',
      empty:
        'Aún no hay formularios fiscales. Cuando tus pagos de un año natural superen los umbrales del IRS, {platform} emitirá aquí tu Form 1099 a principios del año siguiente.',
      loadFailed: 'No se pudieron cargar tus formularios fiscales.',
      more: 'Mostrar más',
      form: 'Form {name} de {year}',
      corrected: 'Corregido',
      issued: 'Emitido el {date}',
      download: 'Descargar PDF',
      downloadLabel: 'Descargar el Form {name} de {year} (PDF)',
      status: {
        available: 'Disponible',
        mail_required: 'Enviado por correo',
        superseded: 'Sustituido',
      },
    },
  },
};

export default es;
