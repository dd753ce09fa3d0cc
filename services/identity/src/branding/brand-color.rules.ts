import { formatHex, interpolate, parse, wcagContrast } from 'culori';
import { badInput } from '@dash/errors';

/** WCAG AA for normal text: what buttons and links drawn in the brand colour must reach. */
export const MIN_CONTRAST = 4.5;

/**
 * The brand colour as the dashboard uses it — links and headings in it on white cards, white
 * text on its buttons — as `#rrggbb`, darkened just enough that it and white reach WCAG AA
 * against each other. A colour that already does is kept as given; `adjusted` says whether it
 * was changed.
 */
export function accessibleBrandColor(input: string): { color: string; adjusted: boolean } {
  const parsed = /^#[0-9a-f]{6}$/i.test(input) ? parse(input) : undefined;
  if (!parsed) throw badInput('primaryColor must be a hex colour such as #5b4cf0', 'primaryColor');
  const given = formatHex(parsed);
  if (wcagContrast(given, '#ffffff') >= MIN_CONTRAST) return { color: given, adjusted: false };
  // Towards black in small steps: the first shade white text reads on keeps the most of the hue.
  const towardsBlack = interpolate([given, '#000000'], 'oklch');
  for (let step = 1; step <= 100; step += 1) {
    const shade = formatHex(towardsBlack(step / 100));
    if (wcagContrast(shade, '#ffffff') >= MIN_CONTRAST) return { color: shade, adjusted: true };
  }
  return { color: '#000000', adjusted: true };
}
