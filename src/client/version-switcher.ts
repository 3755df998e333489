/// <reference lib="dom" />
/**
 * The version switcher's browser side. The menu is baked into every page and
 * works without JavaScript; this script (1) carries the reader's `?query` and
 * `#fragment` to the same page in another version, and (2) refreshes the menu
 * from `versions.json` at the site root, so pages built long ago learn about
 * newer versions. It follows the same fallback rules as the build
 * (src/versions/switcher-targets.ts): same page, moved page, nearest section, home.
 */

interface VersionEntry {
  version: string;
  title: string;
  aliases: string[];
  status?: string;
}

interface PagesIndex {
  pages: string[];
  aliases: Record<string, string>;
}

function parentOf(url: string): string | undefined {
  return url === '/' ? undefined : url.replace(/[^/]+\/$/, '');
}

function target(url: string, own: string[], index: PagesIndex): { url: string; samePage: boolean } {
  const pages = new Set(index.pages);
  if (pages.has(url)) return { url, samePage: true };
  const moved = index.aliases[url];
  if (moved) return { url: moved, samePage: true };
  for (const alias of own) if (pages.has(alias)) return { url: alias, samePage: true };
  for (let at = parentOf(url); at !== undefined; at = parentOf(at)) if (pages.has(at)) return { url: at, samePage: false };
  return { url: '/', samePage: false };
}

function keepLocation(event: Event): void {
  const link = (event.target as Element).closest('a[data-same-page="true"]') as HTMLAnchorElement | null;
  if (link && (location.search || location.hash)) link.href = link.href.split(/[?#]/)[0] + location.search + location.hash;
}

async function refresh(root: HTMLElement): Promise<void> {
  const base = root.dataset.root ?? '';
  const page = root.dataset.page ?? '/';
  const own = (root.dataset.aliases ?? '').split(' ').filter(Boolean);
  const list = root.querySelector('ul');
  if (!list) return;
  const response = await fetch(`${base}versions.json`, { cache: 'no-cache' });
  if (!response.ok) return;
  const entries = (await response.json()) as VersionEntry[];
  const known = new Map<string, HTMLLIElement>();
  for (const li of Array.from(list.querySelectorAll('li'))) {
    const name = li.querySelector('a')?.dataset.version;
    if (name) known.set(name, li);
  }
  const template = Array.from(list.querySelectorAll('li')).find((li) => !li.querySelector('[aria-current]')) ?? list.querySelector('li');
  let previous: Element | null = null;
  for (const entry of entries) {
    let li = known.get(entry.version);
    if (!li && template) {
      li = template.cloneNode(true) as HTMLLIElement;
      const a = li.querySelector('a') as HTMLAnchorElement;
      a.dataset.version = entry.version;
      a.removeAttribute('aria-current');
      a.classList.remove('current');
      a.replaceChildren(Object.assign(document.createElement('span'), { textContent: entry.title || entry.version }));
      const folder = entry.aliases.includes('latest') ? 'latest' : entry.version;
      a.href = `${base}${folder}/`;
      a.dataset.samePage = 'false';
      try {
        const pages = await fetch(`${base}${entry.version}/strata-pages.json`);
        if (pages.ok) {
          const found = target(page, own, (await pages.json()) as PagesIndex);
          a.href = `${base}${folder}${found.url}`;
          a.dataset.samePage = String(found.samePage);
        }
      } catch {
        // The version's home is a fine destination when its page list is unreachable.
      }
      if (previous) previous.after(li);
      else list.prepend(li);
    }
    if (li) {
      const a = li.querySelector('a') as HTMLAnchorElement;
      a.querySelector('.version-tag')?.remove();
      const tag = entry.aliases.includes('latest') ? 'latest' : entry.status && entry.status !== 'maintained' ? entry.status : '';
      if (tag) {
        const span = document.createElement('span');
        span.className = `version-tag version-tag-${tag}`;
        span.textContent = tag === 'prerelease' ? 'pre-release' : tag;
        a.append(span);
      }
      previous = li;
    }
  }
}

for (const root of Array.from(document.querySelectorAll<HTMLElement>('[data-strata-switcher]'))) {
  root.addEventListener('click', keepLocation);
  void refresh(root).catch(() => undefined);
}

export {};
