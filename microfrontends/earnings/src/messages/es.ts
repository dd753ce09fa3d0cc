import type { Messages } from '../messages.js';

const es: Messages = {
  earnings: {
    title: 'Ingresos',
    range: 'Período',
    ranges: {
      last_24_hours: '24 h',
      last_7_days: '7 d',
      last_4_weeks: '4 sem.',
      last_3_months: '3 meses',
      last_year: '1 año',
      lifetime: 'Todo',
    },
    loadFailed: 'No se pudieron cargar sus ingresos.',
    empty:
      'Aún no hay ingresos en este período. Los pagos y las transferencias aparecerán aquí, descontadas las comisiones y los reembolsos.',
    up: '{percent} % más que en el período anterior ({previous})',
    down: '{percent} % menos que en el período anterior ({previous})',
    thisPeriod: 'Este período',
    previousPeriod: 'Período anterior',
    chartLabel: 'Ingresos netos del período, {total} en total',
    tableCaption: 'Ingresos netos por período',
    period: 'Período',
    net: 'Neto',
  },
};

export default es;
