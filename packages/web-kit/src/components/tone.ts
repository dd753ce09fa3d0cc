/** How a status reads at a glance; the word beside it always says it too. */
export type Tone = 'positive' | 'negative' | 'muted';
