import type { InnerMode } from './parser.js';
import type { ShortcodeDefinition } from './definition.js';
import { alert } from './builtins/alert.js';
import { children } from './builtins/children.js';
import { details } from './builtins/details.js';
import { expand } from './builtins/expand.js';
import { figure } from './builtins/figure.js';
import { highlight } from './builtins/highlight.js';
import { mermaid } from './builtins/mermaid.js';
import { notice } from './builtins/notice.js';
import { param } from './builtins/param.js';
import { readfile } from './builtins/readfile.js';
import { ref, relref } from './builtins/ref.js';
import { tab, tabpane, tabs } from './builtins/tabs.js';
import { versionedLinkPath } from './builtins/versioned-link-path.js';

export const builtinShortcodes: readonly ShortcodeDefinition[] = [
  readfile,
  versionedLinkPath,
  notice,
  highlight,
  ref,
  relref,
  figure,
  details,
  param,
  tabs,
  tabpane,
  tab,
  expand,
  children,
  alert,
  mermaid,
];

/** Shortcodes by name: built-ins first, then the theme's, then the site's, each overriding the last. */
export class ShortcodeRegistry {
  readonly #byName = new Map<string, ShortcodeDefinition>();

  constructor(...layers: ReadonlyArray<readonly ShortcodeDefinition[]>) {
    for (const layer of layers) for (const definition of layer) this.#byName.set(definition.name, definition);
  }

  get(name: string): ShortcodeDefinition | undefined {
    return this.#byName.get(name);
  }

  names(): string[] {
    return [...this.#byName.keys()].sort();
  }

  /** Unknown names pair with a closing tag when one follows, so one typo is one error. */
  readonly innerMode = (name: string): InnerMode => this.#byName.get(name)?.inner ?? 'optional';
}
