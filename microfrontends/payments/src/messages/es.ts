import type { Messages } from '../messages.js';

const es: Messages = {
  payments: {
    title: 'Pagos',
    search: 'Buscar pagos',
    searchHint: 'Correo electrónico del cliente o importe',
    find: 'Buscar',
    loadFailed: 'No se pudieron cargar los pagos.',
    empty: 'Aún no hay pagos. Aparecerán aquí en cuanto sus clientes le paguen.',
    noMatch: 'Ningún pago coincide con esa búsqueda.',
    more: 'Mostrar más',
    back: 'Todos los pagos',
    notFound: 'Este pago no existe o no le pertenece.',
    status: {
      succeeded: 'Completado',
      pending: 'Pendiente',
      failed: 'Fallido',
      refunded: 'Reembolsado',
      partially_refunded: 'Reembolsado en parte',
      disputed: 'En disputa',
    },
    breakdown: 'Desglose',
    amount: 'Importe',
    processingFee: 'Comisiones de procesamiento',
    platformFee: 'Comisión de la plataforma',
    refunded: 'Reembolsado',
    net: 'Neto',
    customer: 'Cliente',
    name: 'Nombre',
    email: 'Correo electrónico',
    card: 'Tarjeta',
    timeline: 'Cronología',
    events: {
      succeeded: 'Pago de {amount} completado',
      failed: 'Pago de {amount} fallido',
      pending: 'Pago de {amount} iniciado',
      refunded: 'Reembolso de {amount}',
      disputed: 'En disputa',
    },
    refund: 'Reembolsar…',
    refundTitle: '¿Reembolsar este pago?',
    refundAmount: 'Importe a reembolsar',
    refundable: 'Se pueden reembolsar hasta {amount}.',
    refundConsequence:
      '{amount} se devolverá a {customer}. No se puede deshacer y las comisiones no se devuelven.',
    theCustomer: 'su cliente',
    refundConfirm: 'Reembolsar',
    refunding: 'Reembolsando…',
    refundDone: 'Reembolsado. El cliente verá el dinero en un plazo de 5 a 10 días hábiles.',
    refundReasons: {
      BAD_AMOUNT: 'Introduzca un importe, por ejemplo 12,50.',
      REFUND_EXCEEDS_CHARGE: 'Supera lo que se puede reembolsar: como máximo {amount}.',
      ALREADY_REFUNDED: 'Este pago ya se reembolsó por completo.',
      CHARGE_DISPUTED:
        'Este pago está en disputa, por lo que no se puede reembolsar: la red de tarjetas decide adónde va el dinero. Si el titular de la tarjeta solo hizo una consulta, reembólselo por completo para cerrarla.',
      NOT_REFUNDABLE: 'Solo se puede reembolsar un pago completado.',
      INSUFFICIENT_FUNDS:
        'Su saldo y su reserva cubren como máximo {fundable} en reembolsos en este momento: el dinero de este pago ya salió de su saldo. Recargue su reserva para reembolsarlo o pida a su plataforma que lo reembolse.',
      FEATURE_DISABLED: 'Su plataforma no permite reembolsos desde el panel.',
      IDEMPOTENCY_KEY_REUSED:
        'Este reembolso cambió mientras se enviaba. Cierre la ventana e inténtelo de nuevo.',
      UNKNOWN: 'El reembolso no se completó. Inténtelo de nuevo.',
    },
  },
};

export default es;
