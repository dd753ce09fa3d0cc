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

function importMap(microfrontends: readonly MicrofrontendEntry[]): string {
  const imports = { ...VENDOR_IMPORTS, ...microfrontendImports(microfrontends) };
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

/**
 * The dashboard's one page: the template's frame with the manifest's micro-frontends filled in —
 * the import map that loads them, the navigation to their pages and the layout that mounts them.
 */
export function renderPage(templateFile: string, microfrontends: readonly MicrofrontendEntry[]) {
  return readFileSync(templateFile, 'utf8')
    .replace('<!-- dash:import-map -->', importMap(microfrontends))
    .replace('<!-- dash:navigation -->', navigation(microfrontends))
    .replace('<!-- dash:layout -->', layout(microfrontends));
}
