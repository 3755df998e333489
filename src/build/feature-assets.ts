import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import type { OutputSink } from './output.js';

/** Browser code a shortcode feature needs that comes from an npm package, not from the theme. */
interface VendorAsset {
  feature: string;
  /** Name the layout asks for: `ctx.asset('mermaid.min.js')`. */
  name: string;
  /** Module path of the file in its package. */
  module: string;
}

const VENDOR_ASSETS: readonly VendorAsset[] = [{ feature: 'mermaid', name: 'mermaid.min.js', module: 'mermaid/dist/mermaid.min.js' }];

/**
 * The vendor files of a build (the mermaid bundle), served from the output
 * like theme assets, with a content hash in the name. A file is written only
 * when a page uses its feature, so sites without diagrams do not ship 3 MB.
 */
export class FeatureAssets {
  readonly #files = new Map<string, { asset: VendorAsset; bytes: Buffer; output: string }>();
  readonly #written = new Set<string>();
  readonly #missing = new Set<string>();

  static async load(): Promise<FeatureAssets> {
    const assets = new FeatureAssets();
    const require = createRequire(import.meta.url);
    for (const asset of VENDOR_ASSETS) {
      let file: string;
      try {
        file = require.resolve(asset.module);
      } catch {
        assets.#missing.add(asset.feature);
        continue;
      }
      const bytes = await fs.readFile(file);
      const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
      assets.#files.set(asset.feature, { asset, bytes, output: `assets/${asset.name.replace(/(\.min)?(\.[^.]+)$/, `.${hash}$1$2`)}` });
    }
    return assets;
  }

  /** Asset name → output path, to add to the theme's assets so `ctx.asset(name)` finds them. */
  names(): Array<[string, string]> {
    return [...this.#files.values()].map(({ asset, output }) => [asset.name, output]);
  }

  /** Writes the files the given features need, once per build. */
  async write(features: Iterable<string>, sink: OutputSink): Promise<Diagnostic[]> {
    const out: Diagnostic[] = [];
    for (const feature of features) {
      if (this.#written.has(feature)) continue;
      this.#written.add(feature);
      const file = this.#files.get(feature);
      if (file) await sink.write(file.output, file.bytes);
      else if (this.#missing.has(feature))
        out.push({ severity: 'warning', ruleId: rules.shortcodeFailed, message: `pages use \`${feature}\`, but the \`${feature}\` npm package is not installed; diagrams stay as text` });
    }
    return out;
  }
}
