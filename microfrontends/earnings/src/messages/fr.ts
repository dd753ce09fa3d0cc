import type { Messages } from '../messages.js';

const fr: Messages = {
  earnings: {
    title: 'Revenus',
    range: 'Période',
    ranges: {
      last_24_hours: '24 h',
      last_7_days: '7 j',
      last_4_weeks: '4 sem.',
      last_3_months: '3 mois',
      last_year: '1 an',
      lifetime: 'Tout',
    },
    loadFailed: 'Vos revenus n’ont pas pu être chargés.',
    empty:
      'Aucun revenu sur cette période pour l’instant. Les paiements et les transferts apparaissent ici, nets des frais et des remboursements.',
    up: 'En hausse de {percent} % par rapport à la période précédente ({previous})',
    down: 'En baisse de {percent} % par rapport à la période précédente ({previous})',
    thisPeriod: 'Cette période',
    previousPeriod: 'Période précédente',
    chartLabel: 'Revenus nets sur la période, {total} au total',
    tableCaption: 'Revenus nets par période',
    period: 'Période',
    net: 'Net',
  },
};

export default fr;
