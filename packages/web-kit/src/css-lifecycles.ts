/**
 * single-spa lifecycles that attach a micro-frontend's stylesheet while it is mounted and take it
 * away after, so styles of an app that is not on screen never leak into the page.
 */
export function cssLifecycles(href: string) {
  let link: HTMLLinkElement | undefined;
  return {
    bootstrap: async () => {},
    mount: () =>
      new Promise<void>((resolve) => {
        link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        // Mount once the styles are in, so the app never flashes unstyled; an error still mounts.
        link.addEventListener('load', () => resolve(), { once: true });
        link.addEventListener('error', () => resolve(), { once: true });
        document.head.append(link);
      }),
    unmount: async () => {
      link?.remove();
      link = undefined;
    },
  };
}
