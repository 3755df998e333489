import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/content/front-matter.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';

const messages = (text: string) => splitFrontMatter(text, 'p.md').diagnostics.map(formatDiagnostic);

describe('front matter', () => {
  it('reads YAML and types the known fields', () => {
    const r = splitFrontMatter('---\ntitle: Prepare\nweight: 10\naliases: /old/\ndraft: false\ncustom: [1, 2]\n---\nBody\n', 'p.md');
    expect(r.format).toBe('yaml');
    expect(r.frontMatter).toMatchObject({ title: 'Prepare', weight: 10, aliases: ['/old/'], draft: false });
    expect(r.frontMatter.params.custom).toEqual([1, 2]);
    expect(r.body).toBe('Body\n');
    expect(r.bodyOffset).toBe('---\ntitle: Prepare\nweight: 10\naliases: /old/\ndraft: false\ncustom: [1, 2]\n---\n'.length);
  });

  // `url: /../1.0.x/guide/` wrote into another version's folder; `/../../x/` crashed the build with a stack trace.
  it('url, slug and aliases stay inside the version: `..`, `.`, backslashes and control characters are refused', () => {
    const text = '---\ntitle: P\nurl: /../\nslug: "../x"\naliases: [/ok/, "/a/../../b/", "/c\\\\d/"]\n---\nBody\n';
    const r = splitFrontMatter(text, 'p.md');
    expect(r.frontMatter).not.toHaveProperty('url');
    expect(r.frontMatter).not.toHaveProperty('slug');
    expect(r.frontMatter).not.toHaveProperty('aliases');
    const rule = 'without `.` or `..` segments, backslashes or control characters';
    expect(messages(text)).toEqual([
      `p.md:5:1  error  front matter field \`aliases\` must be a list of site paths ${rule}, got \`"/a/../../b/"\`  [front-matter:field]`,
      `p.md:4:1  error  front matter field \`slug\` must be a site path ${rule}, got \`"../x"\`  [front-matter:field]`,
      `p.md:3:1  error  front matter field \`url\` must be a site path ${rule}, got \`"/../"\`  [front-matter:field]`,
    ]);
    expect(splitFrontMatter('---\nurl: /docs/a.b/..c/\naliases: [/x/y/]\nslug: a/b\n---\n', 'p.md').diagnostics).toEqual([]);
  });

  it('reads TOML between +++', () => {
    const r = splitFrontMatter('+++\ntitle = "T"\nweight = 3\n+++\nBody', 'p.md');
    expect(r.format).toBe('toml');
    expect(r.frontMatter).toMatchObject({ title: 'T', weight: 3 });
    expect(r.body).toBe('Body');
  });

  it('reads JSON front matter', () => {
    const r = splitFrontMatter('{\n  "title": "J",\n  "weight": 2\n}\nBody', 'p.md');
    expect(r.format).toBe('json');
    expect(r.frontMatter).toMatchObject({ title: 'J', weight: 2 });
    expect(r.body).toBe('Body');
  });

  it('accepts blank lines before the front matter and CRLF line ends', () => {
    const r = splitFrontMatter('\n\n---\r\ntitle: T\r\n---\r\nBody', 'p.md');
    expect(r.frontMatter.title).toBe('T');
    expect(r.body).toBe('Body');
  });

  it('builds pages without front matter', () => {
    const r = splitFrontMatter('# Heading\n', 'p.md');
    expect(r.format).toBe('none');
    expect(r.bodyOffset).toBe(0);
  });

  it('places YAML syntax errors in the file', () => {
    expect(messages('---\ntitle: ok\nweight: [1\ndescription: x\n---\n')).toEqual([
      'p.md:4:1  error  invalid YAML front matter: missed comma between flow collection entries  [front-matter:syntax]',
    ]);
  });

  it('places TOML syntax errors in the file', () => {
    expect(messages('+++\ntitle = "ok"\nweight = \n+++\n')[0]).toMatch(/^p\.md:3:\d+  error  invalid TOML front matter: .*\[front-matter:syntax\]$/);
  });

  it('places JSON syntax errors in the file', () => {
    expect(messages('{\n  "title": "x",\n}\nBody')[0]).toMatch(/^p\.md:3:1  error  invalid JSON front matter: .*\[front-matter:syntax\]$/);
  });

  it('reports a field of the wrong type at its line', () => {
    expect(messages('---\ntitle: T\nweight: "x"\ndraft: yes please\n---\n')).toEqual([
      'p.md:3:1  error  front matter field `weight` must be a number, got `"x"`  [front-matter:field]',
      'p.md:4:1  error  front matter field `draft` must be `true` or `false`, got `"yes please"`  [front-matter:field]',
    ]);
  });

  it('reports front matter that is never closed', () => {
    expect(messages('---\ntitle: T\n\nBody')).toEqual(['p.md:1:1  error  front matter opened with `---` is never closed  [front-matter:unclosed]']);
  });
});
