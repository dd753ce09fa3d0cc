import type { SupportContact } from './state.js';

/** One way to reach the platform's support, as a link that is safe to put in an `href`. */
export interface SupportLink {
  kind: 'email' | 'phone' | 'url';
  href: string;
  /** What the link says: the address, the number, or the page without its scheme. */
  text: string;
}

// The identity service checks these when the platform sets them; here nothing that could change
// what a link does (headers smuggled into a mailto: after `?`, an escaped character) is linked.
const EMAIL = /^[^\s@?#%<>"]+@[^\s@?#%<>"/]+\.[^\s@?#%<>"/]+$/;
const PHONE = /^\+?\d{4,15}$/;

function webPage(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
    return web && !parsed.username && !parsed.password ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The platform's support contact as links, in the order they are shown: `mailto:` for the email,
 * `tel:` for the phone, and the help page only when it is an http(s) address — never a
 * `javascript:` or other scheme. What cannot be linked safely is left out.
 */
export function supportLinks(support: SupportContact | null | undefined): SupportLink[] {
  const links: SupportLink[] = [];
  const email = support?.email?.trim();
  if (email && EMAIL.test(email))
    links.push({ kind: 'email', href: `mailto:${email}`, text: email });
  const phone = support?.phone?.trim();
  const dialled = phone?.replace(/[\s().-]/g, '');
  if (phone && dialled && PHONE.test(dialled))
    links.push({ kind: 'phone', href: `tel:${dialled}`, text: phone });
  const page = support?.url ? webPage(support.url.trim()) : undefined;
  if (page) {
    const path = page.pathname === '/' ? '' : page.pathname;
    links.push({ kind: 'url', href: page.href, text: `${page.host}${path}${page.search}` });
  }
  return links;
}
