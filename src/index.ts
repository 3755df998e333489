export { defineConfig } from './config/schema.js';
export type { UserConfig, VersionConfig, VersionStatus } from './config/schema.js';
export { ScratchKey } from './shortcodes/definition.js';
export type {
  InnerContent,
  PageSummary,
  ParentCall,
  Scratch,
  Shortcode,
  ShortcodeContext,
  ShortcodeDefinition,
  ShortcodePage,
  ShortcodePages,
  ShortcodeResult,
  ShortcodeSite,
} from './shortcodes/definition.js';
export type { InnerMode, ParamValue, Params } from './shortcodes/parser.js';
export type { Layout, LayoutContext } from './theme/contract.js';
export { buildSite } from './build/build-site.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
