import type { Messages } from '../messages.js';

const es: Messages = {
  activity: {
    title: 'Actividad',
    markAll: 'Marcar todo como leído',
    unread: '(no leído)',
    empty:
      'Aún no hay nada. Aquí aparecerán las transferencias, las disputas y los cambios en su cuenta.',
    loadFailed: 'No se pudo cargar su actividad.',
    failed: 'No se pudo completar. Inténtelo de nuevo.',
    more: 'Mostrar más',
    emails: 'Correos electrónicos',
    emailPayoutFailed: 'Enviarme un correo cuando falle una transferencia',
    emailDisputeOpened: 'Enviarme un correo cuando se dispute un pago',
    emailRequirementsDue: 'Enviarme un correo cuando mi plataforma necesite más información',
    emailLanguage: 'Los correos se escriben en su idioma, que elige en Configuración.',
    emailsSaved: 'Guardado.',
  },
};

export default es;
