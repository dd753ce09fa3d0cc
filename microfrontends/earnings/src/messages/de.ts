import type { Messages } from '../messages.js';

const de: Messages = {
  earnings: {
    title: 'Einnahmen',
    range: 'Zeitraum',
    ranges: {
      last_24_hours: '24 Std.',
      last_7_days: '7 T.',
      last_4_weeks: '4 Wo.',
      last_3_months: '3 Mon.',
      last_year: '1 J.',
      lifetime: 'Alle',
    },
    loadFailed: 'Ihre Einnahmen konnten nicht geladen werden.',
    empty:
      'In diesem Zeitraum gibt es noch keine Einnahmen. Zahlungen und Überweisungen erscheinen hier, abzüglich Gebühren und Rückerstattungen.',
    up: '{percent} % mehr als im Zeitraum davor ({previous})',
    down: '{percent} % weniger als im Zeitraum davor ({previous})',
    thisPeriod: 'Dieser Zeitraum',
    previousPeriod: 'Zeitraum davor',
    chartLabel: 'Nettoeinnahmen im Zeitraum, insgesamt {total}',
    tableCaption: 'Nettoeinnahmen nach Zeitraum',
    period: 'Zeitraum',
    net: 'Netto',
  },
};

export default de;
