export { defineConfig } from './config/schema.js';
export type { UserConfig, VersionConfig, VersionStatus } from './config/schema.js';
export type { ShortcodeContext, ShortcodeDefinition, ShortcodeResult } from './shortcodes/definition.js';
export type { Layout, LayoutContext } from './theme/contract.js';
export { buildSite } from './build/build-site.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
