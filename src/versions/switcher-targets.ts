/** What the switcher needs to know of one version: its pages and their old URLs. */
export interface VersionPages {
  name: string;
  pages: ReadonlySet<string>;
  /** Old URL → current URL, from front matter `aliases`. */
  aliases: ReadonlyMap<string, string>;
}

export interface SwitchTarget {
  url: string;
  /** True when `url` is the same page, not a fallback. */
  samePage: boolean;
}

/**
 * Where a reader of `url` lands in another version: the same page (by path,
 * or through `aliases` when the page moved, in either direction), else the
 * nearest ancestor section that exists there, else that version's home.
 * The browser script (src/client/version-switcher.ts) applies the same rules.
 */
export function switchTarget(url: string, ownAliases: readonly string[], target: VersionPages): SwitchTarget {
  if (target.pages.has(url)) return { url, samePage: true };
  const moved = target.aliases.get(url);
  if (moved) return { url: moved, samePage: true };
  for (const alias of ownAliases) {
    if (target.pages.has(alias)) return { url: alias, samePage: true };
    const movedAgain = target.aliases.get(alias);
    if (movedAgain) return { url: movedAgain, samePage: true };
  }
  for (let at = parentOf(url); at !== undefined; at = parentOf(at)) if (target.pages.has(at)) return { url: at, samePage: false };
  return { url: '/', samePage: false };
}

function parentOf(url: string): string | undefined {
  if (url === '/') return undefined;
  return url.replace(/[^/]+\/$/, '');
}
