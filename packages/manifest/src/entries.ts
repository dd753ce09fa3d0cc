/** One subgraph service: a workspace under `folder` whose package exports `<name>Service`. */
export interface SubgraphEntry {
  /**
   * Lower case, words joined by hyphens: the subgraph's name in the supergraph, its database
   * (`dash_<name>`) and its settings (`DASH_<NAME>_PORT`, `_HOST`, `_DATABASE`, `_URL`), hyphens
   * becoming underscores.
   */
  name: string;
  /** Where it listens unless DASH_<NAME>_PORT says otherwise. */
  port: number;
  /** The workspace folder, from the repository root. */
  folder: string;
}

/** One micro-frontend: a single-spa application the shell serves and mounts. */
export interface MicrofrontendEntry {
  /** Lower case, words joined by hyphens: served from /apps/<name>/<name>.js. */
  name: string;
  /** The workspace package: the application's name in single-spa and in the import map. */
  package: string;
  /** The workspace folder, from the repository root; the shell serves its `dist/`. */
  folder: string;
  /**
   * The pages it is mounted on ('/' is home, others are first path segments and their
   * sub-paths), or 'signed-in' for every page that needs a session.
   */
  routes: readonly string[] | 'signed-in';
  /** Its pages work without a session (sign-in, onboarding). */
  public?: boolean;
  /** The navigation link's English text; translated by the shared `nav.<name>` message. */
  nav?: string;
  /**
   * The embedded component it is, if platforms may show it in their own web app: its
   * `EmbeddedComponent` value, mounted by the embedding script as `<dash-<value with hyphens>>`.
   */
  embed?: string;
}
