// Tab views made by the `tabs`/`tab` shortcodes (WAI-ARIA tabs pattern).
// The HTML already holds every panel and the ARIA roles, so without this
// script all panels show, one after another. With it: one panel at a time,
// click or arrow keys (Left/Right, Home/End) to switch, and views sharing a
// `data-tab-group` switch together (remembered for the visit).
(() => {
  const KEY = 'strata-tab-group:';

  function select(view, tab, focus) {
    const tabs = [...view.querySelectorAll(':scope > [role=tablist] > [role=tab]')];
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute('aria-selected', on ? 'true' : 'false');
      other.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(other.getAttribute('aria-controls'));
      if (panel) panel.hidden = !on;
    }
    if (focus) tab.focus();
  }

  function selectByTitle(group, title, except) {
    for (const view of document.querySelectorAll('.tabs[data-tab-group]')) {
      if (view === except || view.dataset.tabGroup !== group) continue;
      const tab = [...view.querySelectorAll(':scope > [role=tablist] > [role=tab]')].find((t) => t.textContent.trim() === title);
      if (tab) select(view, tab, false);
    }
  }

  for (const view of document.querySelectorAll('.tabs')) {
    const tabs = [...view.querySelectorAll(':scope > [role=tablist] > [role=tab]')];
    if (tabs.length === 0) continue;
    view.classList.add('tabs-ready');
    select(view, tabs[0], false);
    const group = view.dataset.tabGroup;
    const activate = (tab, focus) => {
      select(view, tab, focus);
      if (!group) return;
      selectByTitle(group, tab.textContent.trim(), view);
      try {
        sessionStorage.setItem(KEY + group, tab.textContent.trim());
      } catch {
        // Storage may be off; switching still works.
      }
    };
    view.querySelector(':scope > [role=tablist]').addEventListener('click', (event) => {
      const tab = event.target.closest('[role=tab]');
      if (tab && tabs.includes(tab)) activate(tab, false);
    });
    view.querySelector(':scope > [role=tablist]').addEventListener('keydown', (event) => {
      const at = tabs.indexOf(document.activeElement);
      if (at === -1) return;
      const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      activate(tabs[(next + tabs.length) % tabs.length], true);
    });
  }

  // Restore the choice made earlier in this visit for each group.
  const groups = new Set([...document.querySelectorAll('.tabs[data-tab-group]')].map((v) => v.dataset.tabGroup));
  for (const group of groups) {
    let title;
    try {
      title = sessionStorage.getItem(KEY + group);
    } catch {
      continue;
    }
    if (title) selectByTitle(group, title, null);
  }
})();
