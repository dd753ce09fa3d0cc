import { initSync, parse } from 'es-module-lexer';

initSync();

/**
 * A module's static imports of shared libraries (`from "vue"`) rewritten to the libraries'
 * versioned URLs (`from "/vendor/<version>/vue.js"`). The dashboard's page maps those names
 * with its import map, but a platform's page that embeds components has no such map (and may
 * have one of its own, with its own `vue`): a module that names its imports by URL loads the
 * same on any page. The URLs are root-relative, so they resolve against the dashboard's origin
 * wherever the module is loaded from.
 */
export function pinImports(code: string, urls: Readonly<Record<string, string>>): string {
  const [imports] = parse(code);
  let pinned = '';
  let copied = 0;
  for (const { n: name, s: start, e: end, d: dynamic } of imports) {
    // Static imports only (d === -1): our builds import shared libraries no other way.
    if (dynamic !== -1 || name === undefined || !Object.hasOwn(urls, name)) continue;
    pinned += code.slice(copied, start) + urls[name];
    copied = end;
  }
  return copied === 0 ? code : pinned + code.slice(copied);
}
