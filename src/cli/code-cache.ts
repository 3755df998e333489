import { hash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { Script } from 'node:vm';

/** A bundle as loaded: its exports, and `save` to keep its compiled code for the next process. */
export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** Whether V8 took the compiled code from the cache. */
  cached: boolean;
  /** Writes V8's code cache of what ran so far, when there was none to use; once per process. */
  save(): void;
}

/** The cache file starts with the SHA-1 of the source it was made from, then that of the rest. */
const DIGEST_BYTES = 20;

/**
 * Runs one of Strata's CommonJS bundles (scripts/bundle.mjs) through V8's
 * code cache. Node 20 compiles every module again in every process: for a
 * one-page rebuild, compiling the CLI was a tenth of the time, and the cache
 * spares it (Node 22's `module.enableCompileCache` does this for any module).
 *
 * The cache (`<bundle>.cache`, beside it) is made after the code ran, so it
 * holds the functions compiled on the way, not only the top level. It is
 * keyed by the bundle's SHA-1 (V8 itself checks only the source's length)
 * and checked whole; V8 rejects one made by another Node or under other V8
 * flags. The bundle is then compiled as usual and the cache made again. A
 * folder that cannot be written (a package installed by another user) only
 * means no cache.
 */
export function loadBundle(file: string, external: readonly string[]): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  const digest = sha1(source);
  const cacheFile = `${file}.cache`;
  const cachedData = readCache(cacheFile, digest);
  // The file is a function expression (the usual CommonJS wrapper, with two more parameters).
  const script = new Script(source, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const cached = cachedData !== undefined && script.cachedDataRejected === false;
  let unsaved = !cached;
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, bundleRequire(file, external), module, file, path.dirname(file), pathToFileURL(file).href, dynamicImport);
  return {
    exports: module.exports,
    cached,
    save() {
      if (!unsaved) return;
      unsaved = false;
      const tmp = `${cacheFile}.tmp-${process.pid}-${threadId}`;
      try {
        const data = script.createCachedData();
        writeFileSync(tmp, Buffer.concat([digest, sha1(data), data]));
        renameSync(tmp, cacheFile);
      } catch {
        // No cache is a slower start, not a failure.
        rmSync(tmp, { force: true });
      }
    },
  };
}

/** The cached code for this source, when the file is whole: V8 checks the code's own checksum only in debug builds. */
function readCache(cacheFile: string, digest: Buffer): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const data = file.subarray(2 * DIGEST_BYTES);
  const whole = file.subarray(0, DIGEST_BYTES).equals(digest) && file.subarray(DIGEST_BYTES, 2 * DIGEST_BYTES).equals(sha1(data));
  return whole ? data : undefined;
}

function sha1(data: string | Buffer): Buffer {
  return hash('sha1', data, 'buffer');
}

/**
 * Code compiled from V8's cache loses the script's dynamic import callback, so
 * the bundle's `import()` calls are renamed to this (scripts/bundle.mjs). It
 * imports packages kept out of the bundle and user modules, by name or by
 * absolute URL: resolved from here, they resolve as from the bundle.
 */
function dynamicImport(specifier: string, options?: ImportCallOptions): Promise<unknown> {
  return import(specifier, options);
}

/**
 * The bundle requires Node's own modules and the packages kept out of it
 * (`external`, as scripts/bundle.mjs gives them to esbuild; `@scope/*` for a
 * scope), no more: every other package it uses is in it. Packages' optional
 * dependencies (js-yaml's esprima) are then absent, as in a browser, however
 * node_modules looks.
 */
function bundleRequire(file: string, external: readonly string[]): (id: string) => unknown {
  const require = createRequire(file);
  const kept = (id: string) => external.some((name) => (name.endsWith('/*') ? id.startsWith(name.slice(0, -1)) : id === name || id.startsWith(`${name}/`)));
  return (id) => {
    if (isBuiltin(id) || kept(id)) return require(id);
    throw Object.assign(new Error(`Cannot find module '${id}' (the bundle requires only Node's own modules and the packages kept out of it)`), { code: 'MODULE_NOT_FOUND' });
  };
}
