import { wcagContrast } from 'culori';

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/**
 * A colour fit to go into an inline style: `#rrggbb` only (anything else could carry more CSS
 * into the style attribute), else `fallback`.
 */
export const hexColorOr = (value: string | null | undefined, fallback: string): string =>
  value && HEX_COLOR.test(value) ? value.toLowerCase() : fallback;

/**
 * Black or white, whichever reads better on `background` (the higher WCAG contrast). Identity
 * already darkens a brand colour until white reads on it, so this is mostly white; a colour
 * kept before that rule, or a light one, gets black.
 */
export function textColorOn(background: string): '#ffffff' | '#000000' {
  return wcagContrast(background, '#ffffff') >= wcagContrast(background, '#000000')
    ? '#ffffff'
    : '#000000';
}
