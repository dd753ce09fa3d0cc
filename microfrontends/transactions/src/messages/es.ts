import type { Messages } from '../messages.js';

const es: Messages = {
  transactions: {
    title: 'Transacciones',
    latest: 'Últimas transacciones',
    viewAll: 'Ver todas',
    export: 'Exportar CSV',
    typeFilter: 'Tipo',
    types: {
      all: 'Todas',
      charge: 'Pagos',
      refund: 'Reembolsos',
      transfer: 'Traspasos',
      payout: 'Transferencias',
      payout_failure: 'Transferencias fallidas',
      dispute: 'Disputas',
      adjustment: 'Ajustes',
      application_fee: 'Comisiones de la plataforma',
      topup: 'Recargas',
      payout_cancel: 'Transferencias canceladas',
      dispute_reversal: 'Disputas ganadas',
      topup_reversal: 'Recargas fallidas',
      reserve_hold: 'Retenciones de reserva',
      reserve_release: 'Liberaciones de reserva',
      recovery_debit: 'Cobros bancarios (saldo negativo)',
      recovery_debit_failure: 'Cobros bancarios fallidos',
      negative_balance_cover: 'Cubierto por su plataforma',
    },
    currency: 'Moneda',
    allCurrencies: 'Todas',
    from: 'Desde',
    to: 'Hasta',
    min: 'Importe mínimo',
    max: 'Importe máximo',
    apply: 'Aplicar',
    badAmount: 'Introduzca los importes como números, por ejemplo 12,50.',
    loadFailed: 'No se pudieron cargar sus transacciones.',
    empty:
      'Ninguna transacción coincide. Los pagos, reembolsos, traspasos y transferencias aparecen aquí a medida que ocurren.',
    more: 'Mostrar más',
    availableOn: 'Disponible el {date}',
    columns: {
      type: 'Tipo',
      description: 'Descripción',
      date: 'Fecha',
      amount: 'Importe',
      net: 'Neto',
    },
  },
};

export default es;
