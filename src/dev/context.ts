import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LiveReload } from './live-reload.js';
import type { DevSite } from './site-state.js';
import type { Terminal } from './terminal.js';

/**
 * Everything one dev server holds, passed to the functions that need it
 * (no module-level state: tests run several servers in one process).
 */
export interface DevContext {
  readonly siteDir: string;
  readonly drafts: boolean;
  /** `--base-url`, which overrides the config's. */
  readonly baseUrl: string | undefined;
  /** The path the site is served under (`/`, `/docs/gloo/`). */
  basePath: string;
  readonly terminal: Terminal;
  readonly live: LiveReload;
  /** The site being served; undefined when it never loaded. */
  site: DevSite | undefined;
  /** Why the site could not be loaded at all, shown on every page until a change fixes it. */
  failure: Diagnostic[];
  /** When a browser or the author last did something (ms); background rendering waits for a quiet moment. */
  lastActivity: number;
}
