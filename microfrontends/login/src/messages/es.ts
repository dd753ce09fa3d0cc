import type { Messages } from '../messages.js';

const es: Messages = {
  login: {
    title: 'Iniciar sesión',
    starting: 'Abriendo su enlace de inicio de sesión…',
    emailIntro:
      'Introduzca el correo electrónico de su cuenta en modo real. Si existe, le enviaremos un código por SMS al número de teléfono registrado, o por correo electrónico si no hay ninguno. Las cuentas en modo de prueba inician sesión con un enlace de su plataforma.',
    emailLabel: 'Correo electrónico',
    sendCode: 'Enviar código',
    codeSent: 'Introduzca el código de 6 dígitos que enviamos a {destination}.',
    codeSentOnFile:
      'Si {destination} tiene una cuenta en modo real, enviamos un código de 6 dígitos por SMS al número de teléfono registrado, o por correo electrónico si no hay ninguno. Introdúzcalo aquí.',
    codeLabel: 'Código de verificación',
    submit: 'Continuar',
    verifying: 'Comprobando…',
    resend: 'Enviar un código nuevo',
    resendIn: 'Enviar un código nuevo en {seconds} s',
    lostPhone: 'Ya no tengo acceso a este teléfono',
    pickIntro: 'Este correo electrónico tiene más de una cuenta. Elija la que quiere abrir.',
    onPlatform: 'con {platform}',
    support: '¿Problemas para iniciar sesión? Contacte a {platform}:',
    supportElsewhere: '¿Problemas para iniciar sesión? Contacte a {platform} donde se registró.',
    helpPage: 'página de ayuda',
    reasons: {
      LINK_INVALID:
        'Este enlace de inicio de sesión no es válido. Pida uno nuevo a la plataforma con la que trabaja.',
      LINK_USED:
        'Este enlace de inicio de sesión ya se usó. Pida uno nuevo a la plataforma con la que trabaja.',
      LINK_EXPIRED:
        'Este enlace de inicio de sesión caducó. Pida uno nuevo a la plataforma con la que trabaja.',
      CODE_WRONG: 'El código no es correcto. Intentos restantes: {attemptsLeft}.',
      CODE_EXPIRED: 'Este código caducó. Solicite uno nuevo.',
      CHALLENGE_LOCKED: 'Demasiados códigos incorrectos. Pida un nuevo enlace de inicio de sesión.',
      CHALLENGE_INVALID: 'Este inicio de sesión terminó. Pida un nuevo enlace de inicio de sesión.',
      RESEND_TOO_SOON: 'Espere un momento antes de pedir otro código.',
      TOO_MANY_CODES: 'Se enviaron demasiados códigos. Inténtelo de nuevo más tarde.',
      TEST_MODE_ACCOUNT:
        'Las cuentas en modo de prueba inician sesión con un enlace de su plataforma.',
      TOO_MANY_ATTEMPTS: 'Se probaron demasiados códigos. Inténtelo de nuevo más tarde.',
      RECENT_CONTACT_CHANGE:
        'Este correo electrónico pasó a ser el de la cuenta hace poco. Por su seguridad, no se puede usar para iniciar sesión durante 72 horas. Use un enlace de inicio de sesión de su plataforma.',
      ACCOUNT_NOT_OFFERED: 'Esa cuenta no se puede abrir con este inicio de sesión.',
      PICK_INVALID: 'Este inicio de sesión terminó. Vuelva a empezar para recibir un código nuevo.',
      UNKNOWN: 'Se produjo un error. Inténtelo de nuevo.',
    },
  },
};

export default es;
