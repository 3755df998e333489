/// <reference lib="dom" />
/**
 * The 404 page's browser side. Hosts serve 404.html at any address that has
 * no file; this script reads that address, strips the base path, and offers
 * (1) the same page in the latest version, or its nearest section there,
 * found through the latest version's `strata-pages.json` (aliases included),
 * and (2) the home of the version the address names. It applies the same
 * rules as the version switcher (src/versions/switcher-targets.ts).
 */

interface VersionEntry {
  version: string;
  title: string;
  aliases: string[];
}

interface PagesIndex {
  pages: string[];
  aliases: Record<string, string>;
}

/** `/a/b/` and `/a/b.html` → `/a/`; `/` has none. */
function parentOf(url: string): string | undefined {
  return url === '/' || !url.startsWith('/') ? undefined : url.replace(/[^/]*\/?$/, '') || '/';
}

function target(url: string, index: PagesIndex): { url: string; samePage: boolean } {
  const pages = new Set(index.pages);
  if (pages.has(url)) return { url, samePage: true };
  const moved = index.aliases[url];
  if (moved) return { url: moved, samePage: true };
  for (let at = parentOf(url); at !== undefined; at = parentOf(at)) if (pages.has(at)) return { url: at, samePage: false };
  return { url: '/', samePage: false };
}

/** `a/b/index.html` or `a/b` → `/a/b/`; file names with an extension stay as they are. */
function pageUrl(rest: string): string {
  const path = `/${rest}`.replace(/\/index\.html?$/, '/');
  return path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
}

function link(root: HTMLElement, href: string, text: string, kind: string): void {
  const list = root.querySelector('ul');
  if (!list || list.querySelector(`a[data-not-found="${kind}"]`)) return;
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.dataset.notFound = kind;
  li.append(a);
  const home = list.querySelector('a[data-not-found="latest-home"]')?.closest('li');
  if (home) home.before(li);
  else list.append(li);
}

async function offer(root: HTMLElement): Promise<void> {
  const base = root.dataset.base ?? '/';
  let path: string;
  try {
    path = decodeURIComponent(location.pathname);
  } catch {
    path = location.pathname;
  }
  const rest = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  const response = await fetch(`${base}versions.json`, { cache: 'no-cache' });
  if (!response.ok) return;
  const versions = (await response.json()) as VersionEntry[];
  const latest = versions.find((v) => v.aliases.includes('latest'));
  const [first = '', ...others] = rest.split('/');
  const named = first === 'latest' ? latest : versions.find((v) => v.version === first);
  const inside = named ? others.join('/') : rest;
  const url = pageUrl(inside);
  if (latest && url !== '/') {
    let found = { url, samePage: true };
    try {
      const pages = await fetch(`${base}latest/strata-pages.json`);
      if (pages.ok) found = target(url, (await pages.json()) as PagesIndex);
    } catch {
      // Offer the same address in latest when its page list is unreachable.
    }
    // Under latest/ already, only a different place in latest is worth offering.
    const samePlace = first === 'latest' && found.url === url;
    if (found.url !== '/' && !samePlace) {
      const label = latest.title || latest.version;
      link(root, `${base}latest${encodeURI(found.url)}`, found.samePage ? `This page in the latest version (${label})` : `The nearest section in the latest version (${label})`, 'latest-page');
    }
  }
  if (named && named !== latest) link(root, `${base}${encodeURI(named.version)}/`, `Home page of ${named.title || named.version}`, 'version-home');
}

for (const root of Array.from(document.querySelectorAll<HTMLElement>('[data-strata-not-found]'))) void offer(root).catch(() => undefined);

export {};
