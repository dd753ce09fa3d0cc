/**
 * What the dashboard serves for embedding, by path on its origin — versioned URLs, so they change
 * with every build. The shell writes them into the script as it serves it (see the shell's
 * embed-script.ts): `(function (__dashEmbedAssets) { …this script… })({…})`.
 */
export interface EmbedAssets {
  /** The shared library (@dash/web-kit) and its stylesheet. */
  webKit: string;
  webKitCss: string;
  /** single-spa, which mounts each micro-frontend as a parcel. */
  singleSpa: string;
  /** By embedded component (`balances`): its element's name and its micro-frontend's module. */
  components: Record<string, { element: string; module: string }>;
}

declare const __dashEmbedAssets: EmbedAssets | undefined;

export function bootAssets(): EmbedAssets {
  if (typeof __dashEmbedAssets === 'undefined')
    throw new Error('Load the embedding script from the dashboard: /embed.js');
  return __dashEmbedAssets;
}
