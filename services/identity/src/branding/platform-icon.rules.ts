import sanitizeHtml from 'sanitize-html';
import { fileTypeFromBuffer } from 'file-type';
import { badInput } from '@dash/errors';

/** An icon as it is kept and served. */
export interface PlatformIcon {
  contentType: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  bytes: Buffer;
}

/** Icons are shown at 32–64 px: more than this is not an icon. */
export const MAX_ICON_BYTES = 256 * 1024;

const DATA_URL = /^data:([\w/+.-]+)?(;base64)?,(.*)$/s;

/** What an SVG icon may contain: shapes, paint and text; nothing that runs or fetches. */
const SVG_ELEMENTS = [
  'svg',
  'g',
  'path',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'rect',
  'defs',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'mask',
  'title',
  'desc',
  'text',
  'tspan',
  'symbol',
];
const SVG_ATTRIBUTES = [
  'xmlns',
  'viewBox',
  'width',
  'height',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'd',
  'points',
  'fill',
  'fill-rule',
  'fill-opacity',
  'clip-rule',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'transform',
  'id',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientUnits',
  'gradientTransform',
  'clip-path',
  'mask',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'preserveAspectRatio',
];

/**
 * Keeps of an SVG only shapes and paint: no script, no event handler, no foreignObject, no
 * link (`href`, `xlink:href`), no style that could fetch (`url(…)` is allowed only as a
 * reference inside the document, `url(#id)`).
 */
export function sanitizeSvg(svg: string): string {
  const clean = sanitizeHtml(svg, {
    allowedTags: SVG_ELEMENTS,
    allowedAttributes: { '*': SVG_ATTRIBUTES },
    allowedSchemes: [],
    // SVG names are case-sensitive (viewBox, linearGradient): kept as written, matched exactly.
    parser: { xmlMode: true, lowerCaseTags: false, lowerCaseAttributeNames: false },
    disallowedTagsMode: 'discard',
    exclusiveFilter: (frame) =>
      Object.values(frame.attribs).some((value) => /url\(\s*['"]?(?!#)/i.test(value)),
  });
  if (!/^\s*<svg[\s>]/i.test(clean)) throw badInput('icon is not an SVG image', 'icon');
  return clean;
}

/**
 * An icon from a data URL (`data:image/png;base64,…`): PNG and JPEG recognised by their bytes,
 * whatever the URL claims; SVG sanitised. Anything else, or too large, is BAD_USER_INPUT on
 * `icon`.
 */
export async function checkedIcon(dataUrl: string): Promise<PlatformIcon> {
  const match = DATA_URL.exec(dataUrl.trim());
  if (!match) throw badInput('icon must be a data URL: data:image/png;base64,…', 'icon');
  const bytes = match[2]
    ? Buffer.from(match[3]!, 'base64')
    : Buffer.from(decodeURIComponent(match[3]!), 'utf8');
  if (bytes.length === 0) throw badInput('icon is empty', 'icon');
  if (bytes.length > MAX_ICON_BYTES)
    throw badInput(`icon must be at most ${MAX_ICON_BYTES / 1024} KB`, 'icon');
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime === 'image/png' || detected?.mime === 'image/jpeg')
    return { contentType: detected.mime, bytes };
  const text = bytes.toString('utf8');
  // SVG is text: nothing binary detected, or XML, with an <svg> element near the start.
  const textual =
    !detected || detected.mime === 'application/xml' || detected.mime === 'image/svg+xml';
  if (textual && /<svg[\s>]/i.test(text.slice(0, 4096)))
    return { contentType: 'image/svg+xml', bytes: Buffer.from(sanitizeSvg(text), 'utf8') };
  throw badInput('icon must be a PNG, JPEG or SVG image', 'icon');
}
