import type { Place } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { parseShortcodes, type InnerMode, type ShortcodeNode } from './parser.js';

/** Where a shortcode comes from, for a team planning a migration. */
export type ShortcodeSource = 'built-in' | 'theme module' | 'site module' | 'missing';

export interface ShortcodeUse {
  file: string;
  place: Place;
}

export interface InventoryEntry {
  name: string;
  source: ShortcodeSource;
  uses: ShortcodeUse[];
  /** Distinct files, sorted. */
  files: string[];
}

export interface InventoryInput {
  /** Path as the user sees it. */
  file: string;
  text: string;
  /** Where the body starts (after front matter). */
  bodyOffset: number;
}

/**
 * Every shortcode a tree calls, found with the real lexer and parser (so
 * escaped calls and closing tags do not count, nested calls do), grouped by
 * name with where each comes from. Sorted by name.
 */
export function shortcodeInventory(
  pages: readonly InventoryInput[],
  innerMode: (name: string) => InnerMode,
  sourceOf: (name: string) => ShortcodeSource,
): InventoryEntry[] {
  const byName = new Map<string, ShortcodeUse[]>();
  for (const page of pages) {
    const lines = new LineIndex(page.text);
    const { nodes } = parseShortcodes(page.text, innerMode, page.bodyOffset);
    walk(nodes, (name, offset) => {
      const uses = byName.get(name) ?? [];
      uses.push({ file: page.file, place: lines.place(offset) });
      byName.set(name, uses);
    });
  }
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, uses]) => ({ name, source: sourceOf(name), uses, files: [...new Set(uses.map((u) => u.file))].sort() }));
}

function walk(nodes: readonly ShortcodeNode[], visit: (name: string, offset: number) => void): void {
  for (const node of nodes) {
    if (node.kind !== 'call') continue;
    visit(node.call.name, node.call.start);
    if (node.call.inner) walk(node.call.inner.nodes, visit);
  }
}
