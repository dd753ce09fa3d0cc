import { readFileSync } from 'node:fs';
import {
  layoutRoutes,
  microfrontendImports,
  navigationLinks,
  type MicrofrontendEntry,
} from '@dash/manifest';
import { VENDOR_IMPORTS } from './assets.js';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

const indent = (lines: string[], spaces: number) =>
  lines.map((line) => `${' '.repeat(spaces)}${line}`).join('\n');

/** Maps a file's plain URL to the one the page names it by (its versioned URL). */
export type AssetUrl = (plainUrl: string) => string;

function importMap(microfrontends: readonly MicrofrontendEntry[], url: AssetUrl): string {
  const imports = Object.fromEntries(
    Object.entries({ ...VENDOR_IMPORTS, ...microfrontendImports(microfrontends) }).map(
      ([specifier, plainUrl]) => [specifier, url(plainUrl)],
    ),
  );
  const json = JSON.stringify({ imports }, null, 2).split('\n');
  return `<script type="importmap">\n${indent(json, 6)}\n    </script>`;
}

function navigation(microfrontends: readonly MicrofrontendEntry[]): string {
  return navigationLinks(microfrontends)
    .map(
      (link, index) =>
        `${index === 0 ? '' : '        '}<a href="${escapeHtml(link.href)}" data-i18n="${escapeHtml(link.messageKey)}">${escapeHtml(link.text)}</a>`,
    )
    .join('\n');
}

function layout(microfrontends: readonly MicrofrontendEntry[]): string {
  const routes = layoutRoutes(microfrontends).flatMap(({ path, applications }) => [
    path === '/' ? '<route path="/" exact>' : `<route path="${escapeHtml(path)}">`,
    ...applications.map((name) => `  <application name="${escapeHtml(name)}"></application>`),
    '</route>',
  ]);
  return [
    '<template id="dash-layout">',
    '      <single-spa-router containerEl="#dash-main">',
    indent(routes, 8),
    '      </single-spa-router>',
    '    </template>',
  ].join('\n');
}

/** The template's own links and scripts (the shell's files and shared libraries). */
const TEMPLATE_ASSET = /\b(href|src)="(\/(?:shell|vendor)\/[^"]+)"/g;

/**
 * The dashboard's one page: the template's frame with the manifest's micro-frontends filled in —
 * the import map that loads them, the navigation to their pages and the layout that mounts them —
 * and every script and stylesheet named by its versioned URL.
 */
export function renderPage(
  templateFile: string,
  microfrontends: readonly MicrofrontendEntry[],
  url: AssetUrl,
) {
  return readFileSync(templateFile, 'utf8')
    .replace(
      TEMPLATE_ASSET,
      (_match, attribute: string, plainUrl: string) =>
        `${attribute}="${escapeHtml(url(plainUrl))}"`,
    )
    .replace('<!-- dash:import-map -->', importMap(microfrontends, url))
    .replace('<!-- dash:navigation -->', navigation(microfrontends))
    .replace('<!-- dash:layout -->', layout(microfrontends));
}
