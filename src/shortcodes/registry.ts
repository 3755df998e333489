import type { InnerMode } from './parser.js';
import type { ShortcodeDefinition } from './definition.js';
import { notice } from './builtins/notice.js';
import { readfile } from './builtins/readfile.js';
import { versionedLinkPath } from './builtins/versioned-link-path.js';

export const builtinShortcodes: readonly ShortcodeDefinition[] = [readfile, versionedLinkPath, notice];

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
