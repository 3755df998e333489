import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FrontMatter } from './front-matter.js';
import type { PageKind } from './routes.js';

/** One page of one version, as discovered: everything known before rendering. */
export interface PageRecord {
  /** Path in the version's tree (`content/operations/upgrading/faq.md`). */
  source: string;
  /** Path as the user sees it (`versions/1.16.x/content/…`). */
  file: string;
  kind: PageKind;
  url: string;
  parent: string | undefined;
  title: string;
  linkTitle: string;
  weight: number;
  description: string;
  draft: boolean;
  hidden: boolean;
  aliases: string[];
  frontMatter: FrontMatter;
  /** The whole file, decoded; positions are offsets into it. Empty when the build cache spared reading it, or discovery decoded only `head`. */
  text: string;
  /**
   * The text before the body (the front matter), kept where `text` is dropped
   * or was never decoded (a build's discovery, the copies render threads get):
   * a page read again that still starts with it is not parsed again (`rereadPage`).
   */
  head?: string;
  /** SHA-1 of the file's bytes, for the build cache's keys. */
  contentHash?: string;
  bodyOffset: number;
  /** Problems found while reading the file (encoding, front matter). */
  diagnostics: Diagnostic[];
}

/** The text before a page's body: places in its front matter are found in it. */
export function headOf(page: PageRecord): string {
  return page.head ?? page.text.slice(0, page.bodyOffset);
}
