import type { Element, Layout } from 'strata-docs/theme';

/**
 * Runs before the first paint, so the chosen colour scheme applies without a
 * flash. It is the page's only inline script and the same on every page: a
 * strict Content-Security-Policy allows it by its hash (see the README).
 */
export const THEME_INIT = `(()=>{const d=document.documentElement;d.classList.add('js');try{const t=localStorage.getItem('strata-theme');if(t==='light'||t==='dark')d.dataset.theme=t}catch(e){}})()`;

/** `<head>`: title, description, canonical link, stylesheet, deferred script. */
const head: Layout = (ctx) => {
  const { h } = ctx;
  const title = ctx.page.kind === 'home' && ctx.page.title === ctx.site.title ? ctx.site.title : `${ctx.page.title} — ${ctx.site.title}`;
  const description = ctx.page.description || ctx.site.description;
  const out = [
    h('meta', { charset: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', title),
    description ? h('meta', { name: 'description', content: description }) : undefined,
    ctx.canonical ? h('link', { rel: 'canonical', href: ctx.canonical }) : undefined,
    ctx.noindex ? h('meta', { name: 'robots', content: 'noindex' }) : undefined,
    h('meta', { name: 'color-scheme', content: 'light dark' }),
    h('meta', { name: 'theme-color', content: '#ffffff', media: '(prefers-color-scheme: light)' }),
    h('meta', { name: 'theme-color', content: '#0f1218', media: '(prefers-color-scheme: dark)' }),
    h('meta', { name: 'generator', content: 'Strata' }),
    h('meta', { name: 'strata:version', content: ctx.version.name }),
    h('link', { rel: 'icon', type: 'image/svg+xml', href: ctx.asset('favicon.svg') }),
    h('link', { rel: 'stylesheet', href: ctx.asset('style.css') }),
    // Tabs, expand, children, alert… (Hugo docs-theme shortcodes): their styles, and scripts only where used.
    h('link', { rel: 'stylesheet', href: ctx.asset('shortcodes.css') }),
    h('script', THEME_INIT),
    h('script', { defer: true, src: ctx.asset('main.js') }),
    ctx.page.features.includes('tabs') ? h('script', { defer: true, src: ctx.asset('tabs.js') }) : undefined,
    ctx.page.features.includes('mermaid') ? h('script', { defer: true, src: ctx.asset('mermaid.min.js') }) : undefined,
  ].filter((n): n is Element => n !== undefined);
  return out;
};

export default head;
