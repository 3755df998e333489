#!/usr/bin/env node
// make-corpus.mjs — deterministic Hugo-style versioned docs corpus for benchmarks.
//
//   node make-corpus.mjs OUT_DIR --pages N --versions V [--plain] [--small] [--seed FILE]
//
// Writes, for each version (newest first: 1.17.x, 1.16.x, ...):
//   OUT_DIR/<version>/content/**.md            N regular pages + section/subsection _index.md pages
//   OUT_DIR/<version>/static/content/version_*.md   version strings consistent with <version>
//   OUT_DIR/corpus.json                        manifest (args, counts, bytes)
//
// Pages are derived from the seed page (front matter + Hugo shortcodes: readfile,
// versioned_link_path in both {{% %}} and {{< >}} forms, notice; heading ids {#id};
// raw HTML; HTML comments; code fences). Titles, weights, descriptions, section
// composition and ~20% of prose words vary per page from a seeded PRNG, so every
// run with the same arguments produces byte-identical output.
// versioned_link_path targets always name pages (or section indexes) that exist in
// the corpus; an anchor is kept only if the target page has that heading id.
//
// --plain  resolve every shortcode to plain markdown/HTML exactly as the Hugo
//          skeleton in hugo-site/layouts/shortcodes/ renders it:
//            readfile            -> trimmed file content (e.g. 1.17)
//            versioned_link_path -> /<version><fromRoot>
//            notice X ... /notice -> <div class="notice notice-X">\n\n...\n\n</div>
// --small  body = first ~3 KB of the seed (cut at a block boundary) + the seed's
//          "notice tip" block, so every shortcode kind still occurs.
// Heading attributes ({#id}) are markdown extensions, not shortcodes: kept in --plain too.

import fs from 'node:fs';
import path from 'node:path';

// ---------- args ----------
const argv = process.argv.slice(2);
function usage(msg) {
  if (msg) console.error(`make-corpus: ${msg}`);
  console.error('usage: node make-corpus.mjs OUT_DIR --pages N --versions V [--plain] [--small] [--seed FILE]');
  process.exit(2);
}
let outDir = null, pages = 1000, nVersions = 3, plain = false, small = false;
// The seed page is the example's own copy (content/operations/upgrading/faq.md is byte-identical to it).
let seedFile = new URL('../content/operations/upgrading/faq.md', import.meta.url).pathname;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--pages') pages = parseInt(argv[++i], 10);
  else if (a === '--versions') nVersions = parseInt(argv[++i], 10);
  else if (a === '--plain') plain = true;
  else if (a === '--small') small = true;
  else if (a === '--seed') seedFile = argv[++i];
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else if (!outDir) outDir = a;
  else usage(`unexpected argument ${a}`);
}
if (!outDir) usage('OUT_DIR is required');
if (!(pages > 0) || !(nVersions > 0) || nVersions > 15) usage('--pages must be > 0 and --versions in 1..15');

// ---------- PRNG (mulberry32) + string hash ----------
function hash32(str) {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
  return h >>> 0;
}
function rng(seedStr) {
  let a = hash32(seedStr);
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (arr) => arr[Math.floor(next() * arr.length)];
  return next;
}

// ---------- seed ----------
const seedText = fs.readFileSync(seedFile, 'utf8').replace(/\r\n/g, '\n');
const fmMatch = /^---\n([\s\S]*?)\n---\n/.exec(seedText);
if (!fmMatch) throw new Error('seed has no front matter');
const seedFm = fmMatch[1];
const seedBody = seedText.slice(fmMatch[0].length);
const seedDescription = (/^description:\s*(.*)$/m.exec(seedFm) || [, 'Documentation page.'])[1].trim();

// Split body into chunks at heading lines; each chunk is balanced (checked below).
const bodyLines = seedBody.split('\n');
const chunks = [];
{
  let cur = [];
  for (const line of bodyLines) {
    if (/^#{1,6} /.test(line) && cur.length) { chunks.push(cur.join('\n')); cur = []; }
    cur.push(line);
  }
  if (cur.length) chunks.push(cur.join('\n'));
}
function balanced(text) {
  const fences = (text.match(/^\s*```/gm) || []).length;
  const open = (text.match(/<!--/g) || []).length, close = (text.match(/-->/g) || []).length;
  const nOpen = (text.match(/\{\{%\s*notice\b/g) || []).length, nClose = (text.match(/\{\{%\s*\/notice/g) || []).length;
  return fences % 2 === 0 && open === close && nOpen === nClose;
}
for (const c of chunks) if (!balanced(c)) throw new Error('seed chunk not balanced: ' + c.slice(0, 80));
const intro = chunks[0].startsWith('#') ? '' : chunks.shift();
const chunkIds = chunks.map((c) => {
  const ids = [];
  for (const m of c.matchAll(/^#{1,6} .*\{#([\w-]+)\}\s*$/gm)) ids.push(m[1]);
  return ids;
});
const noticeTip = (/\{\{% notice tip %\}\}[\s\S]*?\{\{% \/notice %\}\}/.exec(seedBody) || [''])[0];

// Small body: first ~3 KB cut at a blank line (outside fences/comments), then the notice block.
function smallBody() {
  const paras = seedBody.split(/\n\n/);
  let out = '';
  for (const p of paras) {
    if (out.length >= 3000) break;
    const cand = out ? out + '\n\n' + p : p;
    if (out.length > 0 && cand.length > 3400) break;
    out = cand;
  }
  if (!balanced(out)) throw new Error('small body not balanced');
  return out + '\n\n' + noticeTip + '\n';
}
const SMALL = small ? smallBody() : null;

// Vocabulary for word substitution: distinct lowercase words of the seed's prose.
const vocab = [...new Set(
  seedBody.replace(/\{\{[\s\S]*?\}\}/g, ' ').replace(/\([^)]*\)/g, ' ').replace(/`[^`]*`/g, ' ')
    .match(/\b[a-z]{4,12}\b/g) || [])].sort();

const SECTION_NAMES = ['getting-started', 'installation', 'operations', 'guides', 'traffic-management',
  'security', 'observability', 'integrations', 'reference', 'troubleshooting'];
const SUB_NAMES = ['basics', 'advanced', 'upgrading', 'configuration', 'routing', 'policies', 'cli',
  'helm', 'crds', 'examples', 'faq', 'migration'];
const TITLE_VERBS = ['Prepare', 'Configure', 'Upgrade', 'Review', 'Deploy', 'Secure', 'Monitor',
  'Troubleshoot', 'Migrate', 'Tune', 'Validate', 'Scale'];
const TITLE_NOUNS = ['gateway proxies', 'upstreams', 'virtual services', 'route tables', 'rate limits',
  'external auth', 'Helm values', 'CRDs', 'Envoy filters', 'health checks', 'access logs',
  'TLS certificates', 'Istio integration', 'canary upgrades', 'settings', 'webhooks'];
const SECTIONS = 10, SUBS = 5;

function slugify(s) { return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''); }
function titleCase(s) { return s.replace(/(^|[-\s])([a-z])/g, (m, p, c) => (p === '-' ? ' ' : p) + c.toUpperCase()); }

// ---------- site structure (identical for every version) ----------
const sections = [];
for (let s = 0; s < SECTIONS; s++) {
  const r = rng(`section:${s}`);
  const subs = [];
  const used = new Set();
  while (subs.length < SUBS) { const n = r.pick(SUB_NAMES); if (!used.has(n)) { used.add(n); subs.push(n); } }
  sections.push({ name: SECTION_NAMES[s], subs, weight: (s + 1) * 10 });
}
const pageDefs = [];
for (let i = 0; i < pages; i++) {
  const r = rng(`page:${i}`);
  const s = i % SECTIONS;
  const subIdx = Math.floor(i / SECTIONS) % (SUBS + 1); // SUBS => directly in section
  const sec = sections[s];
  const dir = subIdx < SUBS ? `${sec.name}/${sec.subs[subIdx]}` : sec.name;
  const title = `${r.pick(TITLE_VERBS)} ${r.pick(TITLE_NOUNS)}${r() < 0.5 ? ' ' + r.pick(['in production', 'for Kubernetes', 'step by step', 'with Helm', 'at scale', 'safely']) : ''}`;
  const slug = `${slugify(title)}-${String(i).padStart(4, '0')}`;
  let chunkList = [];
  if (!small) {
    // target 0.5x..1.3x of the seed body, composed of seed sections starting at a random one
    const target = seedBody.length * (0.5 + 0.8 * r());
    let size = intro.length, k = r.int(chunks.length);
    while (size < target) { chunkList.push(k); size += chunks[k].length + 1; k = (k + 1) % chunks.length; }
  }
  const ids = small ? ['prepare', 'current-patch', 'minor-increment', 'dependencies'].filter((id) => SMALL.includes(`{#${id}}`))
    : [...new Set(chunkList.flatMap((k) => chunkIds[k]))];
  pageDefs.push({ i, dir, slug, title, weight: 1 + r.int(100), chunkList, ids, url: `/${dir}/${slug}/` });
}
const indexDefs = [];
for (const sec of sections) {
  indexDefs.push({ dir: sec.name, title: titleCase(sec.name), weight: sec.weight, url: `/${sec.name}/`, ids: [] });
  sec.subs.forEach((sub, j) => indexDefs.push({ dir: `${sec.name}/${sub}`, title: titleCase(sub), weight: (j + 1) * 10, url: `/${sec.name}/${sub}/`, ids: [] }));
}

// ---------- versions ----------
const NEWEST_MINOR = 17;
const geossPatch = (m) => 3 + (NEWEST_MINOR - m) * 2;
const geePatch = (m) => geossPatch(m) + 2;
function versionInfo(k) {
  const m = NEWEST_MINOR - k;
  return {
    name: `1.${m}.x`, minor: `1.${m}`,
    files: {
      'version_geoss_latest_minor.md': `1.${m}`,
      'version_geoss_latest.md': `1.${m}.${geossPatch(m)}`,
      'version_gee_latest.md': `1.${m}.${geePatch(m)}`,
      'version_geoss_n-1_minor.md': `1.${m - 1}`,
      'version_geoss_n-2_minor.md': `1.${m - 2}`,
      'version_gee_n-1.md': `1.${m - 1}.${geePatch(m - 1)}`,
      'version_gee_n-1_oldpatch.md': `1.${m - 1}.${Math.max(0, geePatch(m - 1) - 4)}`,
    },
  };
}

// ---------- text transformation ----------
// Protected spans: shortcodes, link destinations, inline code, HTML tags/comments markers,
// heading attributes, bare URLs. Words outside them may be substituted.
const PROTECT = /\{\{[<%][\s\S]*?[%>]\}\}|\]\([^)]*\)|`[^`\n]*`|<[^>\n]+>|\{#[\w-]+\}|https?:\/\/\S+|\b[a-z]{4,12}\b/g;
function varyWords(text, r, p) {
  let inFence = false;
  return text.split('\n').map((line) => {
    if (/^\s*```/.test(line)) { inFence = !inFence; return line; }
    if (inFence) return line;
    return line.replace(PROTECT, (m) => (/^[a-z]+$/.test(m) && r() < p ? r.pick(vocab) : m));
  }).join('\n');
}

const SC = /\{\{([<%])\s*(\/?)([\w-]+)((?:\s+(?:[\w-]+=)?"[^"]*"|\s+[\w-]+)*)\s*([%>])\}\}/g;
function scArgs(s) {
  const named = {}, pos = [];
  for (const m of s.matchAll(/([\w-]+)="([^"]*)"|"([^"]*)"|([\w-]+)/g)) {
    if (m[1]) named[m[1]] = m[2]; else pos.push(m[3] ?? m[4]);
  }
  return { named, pos };
}

// Retarget versioned_link_path to existing pages (deterministic per page).
function retarget(text, r) {
  return text.replace(SC, (all, open, slash, name, args, close) => {
    if (name !== 'versioned_link_path') return all;
    const { named } = scArgs(args);
    const hadAnchor = (named.fromRoot || '').includes('#');
    const tgt = r() < 0.1 ? r.pick(indexDefs) : r.pick(pageDefs);
    let url = tgt.url;
    if (hadAnchor && tgt.ids.length) url += '#' + r.pick(tgt.ids);
    const c = open === '%' ? '%' : '>';
    return `{{${open} versioned_link_path fromRoot="${url}" ${c}}}`;
  });
}

function resolvePlain(text, ver) {
  return text.replace(SC, (all, open, slash, name, args) => {
    const { named, pos } = scArgs(args);
    if (name === 'readfile') {
      const f = path.basename(named.file || '');
      const v = ver.files[f];
      if (v === undefined) throw new Error('readfile of unknown file ' + named.file);
      return v.trim();
    }
    if (name === 'versioned_link_path') return `/${ver.name}${named.fromRoot}`;
    if (name === 'notice') return slash ? '\n\n</div>' : `<div class="notice notice-${pos[0] || 'note'}">\n\n`;
    throw new Error('unknown shortcode ' + name);
  });
}

// A seed section used twice on one page keeps its headings but not its explicit ids,
// so no id is defined twice.
function withoutIds(chunk) {
  return chunk.replace(/[ \t]*\{#[\w-]+\}[ \t]*$/gm, '').replace(/<a\s+(?:id|name)="[^"]*"\s*><\/a>\n?/g, '');
}
// In-page links whose target is not on the page become plain text, so the corpus has no broken anchors.
function dropDanglingAnchors(body) {
  const ids = new Set();
  const counts = new Map();
  let fence = null;
  for (const line of body.split('\n')) {
    const f = /^\s*(```|~~~)/.exec(line);
    if (f) { if (!fence) fence = f[1]; else if (f[1] === fence) fence = null; continue; }
    if (fence) continue;
    const h = /^#{1,6}\s+(.*?)\s*(?:\{#([\w-]+)\})?\s*$/.exec(line);
    if (h) {
      let id = h[2] ?? h[1].replace(/\{\{[\s\S]*?\}\}/g, '').trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
      const n = counts.get(id) ?? 0; counts.set(id, n + 1);
      ids.add(n && !h[2] ? `${id}-${n}` : id);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) ids.add(m[1]);
  }
  return body.replace(/\[([^\]]*)\]\(#([^)\s]+)\)/g, (all, text, id) => (ids.has(id) ? all : text));
}

function frontMatter(fm) {
  return '---\n' + Object.entries(fm).map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`).join('\n') + '\n---\n';
}

// ---------- write ----------
fs.mkdirSync(outDir, { recursive: true });
const manifest = { generator: 'make-corpus.mjs', seed: path.basename(seedFile), pages, versions: [], plain, small,
  sectionIndexPages: indexDefs.length, filesPerVersion: pages + indexDefs.length + 1, contentBytes: {} };
for (let k = 0; k < nVersions; k++) {
  const ver = versionInfo(k);
  manifest.versions.push(ver.name);
  const root = path.join(outDir, ver.name);
  fs.rmSync(root, { recursive: true, force: true });
  const staticDir = path.join(root, 'static', 'content');
  fs.mkdirSync(staticDir, { recursive: true });
  for (const [f, v] of Object.entries(ver.files)) fs.writeFileSync(path.join(staticDir, f), v + '\n');
  const contentDir = path.join(root, 'content');
  const madeDirs = new Set();
  const write = (rel, text) => {
    const file = path.join(contentDir, rel);
    const d = path.dirname(file);
    if (!madeDirs.has(d)) { fs.mkdirSync(d, { recursive: true }); madeDirs.add(d); }
    fs.writeFileSync(file, text);
    return text.length;
  };
  const finish = (t) => {
    t = t.replace(/\b1\.17\b/g, ver.minor); // version mentioned in prose follows the docs version
    return plain ? resolvePlain(t, ver) : t;
  };
  let bytes = 0;
  fs.mkdirSync(contentDir, { recursive: true });
  bytes += write('_index.md', frontMatter({ title: `Docs ${ver.name}`, description: `Documentation for version ${ver.name}` }) +
    finish(`\nWelcome to the documentation for version {{< readfile file="static/content/version_geoss_latest.md" markdown="true">}}.\n`));
  for (const idx of indexDefs) {
    const r = rng(`index:${idx.dir}`);
    const links = [0, 1, 2].map(() => r.pick(pageDefs));
    let body = `\nThis section covers ${idx.title.toLowerCase()} for Gloo Gateway version {{< readfile file="static/content/version_geoss_latest_minor.md" markdown="true">}}.\n\n` +
      links.map((p) => `* [${p.title}]({{% versioned_link_path fromRoot="${p.url}" %}})`).join('\n') +
      `\n\n{{% notice note %}}\nPages in this section apply to {{< readfile file="static/content/version_gee_latest.md" markdown="true">}} and later patches. See the [overview]({{< versioned_link_path fromRoot="${idx.url}" >}}).\n{{% /notice %}}\n`;
    body = varyWords(body, r, 0.1);
    bytes += write(path.join(idx.dir, '_index.md'), frontMatter({ title: idx.title, weight: idx.weight, description: `${idx.title} documentation.` }) + finish(body));
  }
  for (const pd of pageDefs) {
    // ~10% of pages differ between versions beyond version strings
    const changed = k > 0 && rng(`changed:${pd.i}:${k}`)() < 0.1;
    const r = rng(`text:${pd.i}${changed ? ':' + k : ''}`);
    const seen = new Set();
    let body = small ? SMALL : [intro, ...pd.chunkList.map((c) => (seen.has(c) ? withoutIds(chunks[c]) : (seen.add(c), chunks[c])))].join('\n');
    body = varyWords(body, r, 0.2);
    body = retarget(body, rng(`links:${pd.i}`));
    body = dropDanglingAnchors(body);
    const desc = varyWords(seedDescription, r, 0.3);
    const fm = frontMatter({ title: pd.title, weight: pd.weight, description: desc });
    bytes += write(path.join(pd.dir, pd.slug + '.md'), fm + finish(body));
  }
  manifest.contentBytes[ver.name] = bytes;
}
fs.writeFileSync(path.join(outDir, 'corpus.json'), JSON.stringify(manifest, null, 2) + '\n');
const total = Object.values(manifest.contentBytes).reduce((a, b) => a + b, 0);
console.log(`wrote ${nVersions} version(s) x (${pages} pages + ${indexDefs.length + 1} _index.md) to ${outDir}; ` +
  `content ${(total / 1048576).toFixed(1)} MiB, avg page ${(total / nVersions / (pages + indexDefs.length + 1) / 1024).toFixed(1)} KiB` +
  `${plain ? ' [plain]' : ''}${small ? ' [small]' : ''}`);
