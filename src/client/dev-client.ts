/// <reference lib="dom" />
/**
 * The dev server's browser side, added to every page `strata dev` serves.
 * It connects to the server's event stream saying which page it shows and
 * which version of it (the stamp), then:
 * - on `reload`, sent once the page has been rebuilt, reloads it and puts
 *   the reader back where they were (scroll position kept in sessionStorage);
 * - on `css`, swaps the changed stylesheets without a reload;
 * - lets the reader hide the error overlay (× or Escape).
 */

// A module script has no `document.currentScript`: the server marks the tag.
const script = document.querySelector<HTMLScriptElement>('script[data-strata-dev]');
const SCROLL_KEY = `strata-dev:scroll:${location.pathname}`;

function restoreScroll(): void {
  const saved = sessionStorage.getItem(SCROLL_KEY);
  if (!saved) return;
  const [x, y] = saved.split(',').map(Number);
  window.scrollTo(x ?? 0, y ?? 0);
  // Once more after images and fonts have settled the layout; then forget it.
  window.addEventListener('load', () => {
    window.scrollTo(x ?? 0, y ?? 0);
    sessionStorage.removeItem(SCROLL_KEY);
  });
  if (document.readyState === 'complete') sessionStorage.removeItem(SCROLL_KEY);
}

function reload(): void {
  sessionStorage.setItem(SCROLL_KEY, `${Math.round(window.scrollX)},${Math.round(window.scrollY)}`);
  location.reload();
}

/** Replaces `<link rel=stylesheet>` hrefs ending with an old hashed asset path by the new one; the old link goes once the new one loaded. */
function swapStylesheets(pairs: Array<[string, string]>): void {
  for (const link of Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]'))) {
    const href = link.getAttribute('href') ?? '';
    const pair = pairs.find(([from]) => href.endsWith(from));
    if (!pair) continue;
    const next = link.cloneNode() as HTMLLinkElement;
    next.setAttribute('href', href.slice(0, href.length - pair[0].length) + pair[1]);
    next.addEventListener('load', () => link.remove());
    next.addEventListener('error', () => link.remove());
    link.after(next);
  }
}

function hideOverlay(): void {
  document.getElementById('strata-dev-overlay')?.remove();
}

function connect(events: string, stamp: string): void {
  const source = new EventSource(`${events}?page=${encodeURIComponent(location.pathname)}&stamp=${encodeURIComponent(stamp)}`);
  source.addEventListener('reload', reload);
  source.addEventListener('css', (event) => {
    const { replace } = JSON.parse((event as MessageEvent<string>).data) as { replace: Array<[string, string]> };
    swapStylesheets(replace);
  });
}

restoreScroll();
document.addEventListener('click', (event) => {
  if ((event.target as Element | null)?.closest?.('[data-strata-dismiss]')) hideOverlay();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideOverlay();
});
if (script?.dataset.events) connect(script.dataset.events, script.dataset.stamp ?? '');
