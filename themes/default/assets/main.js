/* global DOMParser */
/*
 * Strata default theme: enhancements on top of pages that work without
 * JavaScript. Loaded with `defer`; nothing here blocks rendering.
 *   - colour scheme toggle (system → light → dark), remembered
 *   - the sidebar as a drawer on narrow screens
 *   - copy buttons on code blocks
 *   - scroll-spy for the table of contents
 *   - closing open menus on Escape or an outside click
 *   - search (Pagefind, loaded on first use), opened with `/` or Ctrl/⌘+K
 */
(() => {
  const root = document.documentElement;
  const $ = (selector, scope = document) => scope.querySelector(selector);
  const $$ = (selector, scope = document) => Array.from(scope.querySelectorAll(selector));

  /* ---------- Colour scheme ---------- */
  const STORAGE_KEY = 'strata-theme';
  const SCHEMES = ['system', 'light', 'dark'];
  const toggle = $('[data-theme-toggle]');
  const showScheme = (scheme) => {
    if (scheme === 'light' || scheme === 'dark') root.dataset.theme = scheme;
    else delete root.dataset.theme;
    if (!toggle) return;
    const next = SCHEMES[(SCHEMES.indexOf(scheme) + 1) % SCHEMES.length];
    const text = `Colour scheme: ${scheme} (switch to ${next})`;
    toggle.title = text;
    const label = $('[data-theme-label]', toggle);
    if (label) label.textContent = text;
  };
  const currentScheme = () => root.dataset.theme || 'system';
  showScheme(currentScheme());
  toggle?.addEventListener('click', () => {
    const next = SCHEMES[(SCHEMES.indexOf(currentScheme()) + 1) % SCHEMES.length];
    try {
      if (next === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* storage disabled: the choice lasts for this page */
    }
    showScheme(next);
  });
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) showScheme(event.newValue || 'system');
  });

  /* ---------- Sidebar drawer (narrow screens) ---------- */
  const sidebar = $('#sidebar');
  const menuButton = $('[data-menu-toggle]');
  const setMenu = (open) => {
    if (!sidebar || !menuButton) return;
    sidebar.toggleAttribute('data-open', open);
    menuButton.setAttribute('aria-expanded', String(open));
    if (open) ($('[aria-current="page"]', sidebar) || $('a', sidebar))?.focus({ preventScroll: true });
    else if (sidebar.contains(document.activeElement)) menuButton.focus();
  };
  menuButton?.addEventListener('click', () => setMenu(!sidebar?.hasAttribute('data-open')));
  document.addEventListener('click', (event) => {
    if (sidebar?.hasAttribute('data-open') && !sidebar.contains(event.target) && !menuButton?.contains(event.target)) setMenu(false);
  });
  matchMedia('(min-width: 900px)').addEventListener('change', (event) => {
    if (event.matches) setMenu(false);
  });

  // Keep the current page in view in a long tree.
  const scroller = $('.sidebar-scroll');
  const currentLink = scroller && $('[aria-current="page"]', scroller);
  if (scroller && currentLink) {
    const at = currentLink.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    if (at.bottom > box.bottom || at.top < box.top) scroller.scrollTop += at.top - box.top - box.height / 3;
  }

  /* ---------- Menus: Escape and outside clicks close them ---------- */
  const menus = $$('.version-switcher details');
  document.addEventListener('click', (event) => {
    for (const menu of menus) if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const menu of menus) {
      if (!menu.open) continue;
      menu.open = false;
      $('summary', menu)?.focus();
    }
    if (sidebar?.hasAttribute('data-open')) setMenu(false);
  });

  /* ---------- Copy buttons ---------- */
  const COPY_ICON = '<svg class="icon" viewBox="0 0 24 24" width="15" height="15" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/></svg>';
  const copyText = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Older browsers, or a page not served over HTTPS/localhost.
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      return ok;
    }
  };
  for (const block of $$('.highlight')) {
    const code = $('code', block);
    if (!code) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.innerHTML = `${COPY_ICON}<span class="copy-label" aria-live="polite">Copy</span>`;
    button.setAttribute('aria-label', 'Copy code');
    const label = $('.copy-label', button);
    let timer;
    button.addEventListener('click', async () => {
      const ok = await copyText(code.textContent.replace(/\n$/, ''));
      label.textContent = ok ? 'Copied' : 'Press Ctrl+C';
      button.toggleAttribute('data-copied', ok);
      clearTimeout(timer);
      timer = setTimeout(() => {
        label.textContent = 'Copy';
        button.removeAttribute('data-copied');
      }, 2000);
    });
    block.append(button);
  }

  /* ---------- Table of contents: scroll-spy ---------- */
  const tocLinks = $$('.toc-aside a[data-toc-link]');
  const headings = tocLinks.map((a) => document.getElementById(a.dataset.tocLink));
  let spyQueued = false;
  const spy = () => {
    spyQueued = false;
    // A heading is current once it reaches the top fifth of the screen.
    const offset = ($('.site-header')?.offsetHeight || 0) + Math.min(120, window.innerHeight / 5);
    let active = -1;
    headings.forEach((heading, i) => {
      if (heading && heading.getBoundingClientRect().top <= offset) active = i;
    });
    if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) active = headings.length - 1;
    tocLinks.forEach((a, i) => {
      if (i === active) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    });
    // Keep the current entry visible in a long table of contents.
    const box = $('.toc-aside');
    const link = tocLinks[active];
    if (box && link && box.scrollHeight > box.clientHeight) {
      const top = link.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      if (top < box.scrollTop || top + link.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top - box.clientHeight / 3;
    }
  };
  if (tocLinks.length) {
    window.addEventListener('scroll', () => {
      if (!spyQueued) {
        spyQueued = true;
        requestAnimationFrame(spy);
      }
    }, { passive: true });
    spy();
  }

  /* ---------- Search ---------- */
  const dialog = $('#search-dialog');
  if (!dialog) return;
  const input = $('.search-input', dialog);
  const all = $('[data-search-all]', dialog);
  const status = $('.search-status', dialog);
  const list = $('.search-results', dialog);
  const version = dialog.dataset.searchVersion;
  const bundle = new URL(dialog.dataset.searchBundle, location.href);
  const ALL_KEY = 'strata-search-all';
  const MAX_RESULTS = 20;
  let pagefind;
  let runs = 0;
  let debounce;

  try {
    all.checked = sessionStorage.getItem(ALL_KEY) === '1';
  } catch {
    /* no storage */
  }

  const load = () => {
    pagefind ??= import(new URL('pagefind.js', bundle).href).then(async (module) => {
      // Result URLs are root-relative to the folder holding `pagefind/`, wherever the site is served.
      await module.options({ baseUrl: new URL('../', bundle).pathname });
      module.init?.();
      return module;
    });
    return pagefind;
  };

  const open = () => {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    load().catch(() => {
      status.textContent = location.protocol === 'file:' ? 'Search needs the site to be served over HTTP.' : 'The search index could not be loaded.';
    });
  };
  for (const button of $$('[data-search-open]')) button.addEventListener('click', open);
  $('[data-search-close]', dialog)?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if ((event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      open();
    }
  });

  /** Pagefind's excerpt is text with `<mark>`: keep exactly that, as nodes, never as markup. */
  const excerpt = (html) => {
    const out = document.createElement('span');
    out.className = 'search-result-excerpt';
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
    for (const node of parsed.childNodes) {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.append(mark);
      } else out.append(node.textContent);
    }
    return out;
  };

  const link = (href, title, versionLabel, text) => {
    const a = document.createElement('a');
    a.href = href;
    const heading = document.createElement('span');
    heading.className = 'search-result-title';
    heading.textContent = title;
    if (versionLabel) {
      const tag = document.createElement('span');
      tag.className = 'search-result-version';
      tag.textContent = versionLabel;
      heading.append(tag);
    }
    a.append(heading);
    if (text) a.append(excerpt(text));
    return a;
  };

  const search = async () => {
    const run = ++runs;
    const term = input.value.trim();
    if (!term) {
      list.replaceChildren();
      status.textContent = '';
      delete list.dataset.term;
      return;
    }
    let module;
    try {
      module = await load();
    } catch {
      return;
    }
    const everywhere = all.checked;
    const found = await module.search(term, everywhere ? {} : { filters: { version } });
    if (run !== runs) return;
    const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (run !== runs) return;
    const items = data.map((page) => {
      const li = document.createElement('li');
      li.className = 'search-result';
      li.append(link(page.url, page.meta.title || page.url, everywhere ? page.meta.version || page.filters?.version?.[0] : '', page.excerpt));
      const subs = (page.sub_results || []).filter((s) => s.url !== page.url && s.url.includes('#')).slice(0, 3);
      if (subs.length) {
        const ul = document.createElement('ul');
        ul.className = 'search-subresults';
        for (const sub of subs) {
          const item = document.createElement('li');
          item.append(link(sub.url, sub.title, '', ''));
          ul.append(item);
        }
        li.append(ul);
      }
      return li;
    });
    list.replaceChildren(...items);
    // What the list shows, for scripts and tests: the term and the scope searched.
    list.dataset.term = term;
    list.dataset.scope = everywhere ? 'all' : version;
    const where = everywhere ? 'all versions' : dialog.dataset.searchVersionLabel || version;
    const count = found.results.length;
    const shown = count > MAX_RESULTS ? `the best ${MAX_RESULTS} of ${count} results` : `${count} result${count === 1 ? '' : 's'}`;
    status.textContent = count === 0 ? `No results in ${where}` : `${shown[0].toUpperCase()}${shown.slice(1)} in ${where}`;
  };

  input.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(search, 120);
  });
  all.addEventListener('change', () => {
    try {
      sessionStorage.setItem(ALL_KEY, all.checked ? '1' : '0');
    } catch {
      /* no storage */
    }
    search();
  });
  $('.search-form', dialog).addEventListener('submit', (event) => {
    event.preventDefault();
    $('a', list)?.click();
  });
  list.addEventListener('click', (event) => {
    if (event.target instanceof HTMLElement && event.target.closest('a')) dialog.close();
  });
  // Arrow keys move between the input and the results.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = $$('a', list);
    if (!links.length) return;
    const at = links.indexOf(document.activeElement);
    event.preventDefault();
    if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)].focus();
    else if (at <= 0) input.focus();
    else links[at - 1].focus();
  });
})();
