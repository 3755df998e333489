import type { Pluggable, PluggableList, Plugin } from 'unified';
import { errorMessage } from '../util/error-text.js';

/** A site's own remark or rehype plugin threw while a page went through it: the page is reported, the build goes on. */
export class SitePluginError extends Error {
  constructor(
    readonly plugin: string,
    override readonly cause: unknown,
  ) {
    super(`site ${plugin} failed: ${errorMessage(cause)}`);
  }
}

/**
 * Wraps each plugin of a site's list so that what it throws, while attaching
 * or transforming, names the plugin. Without this a bug in one site plugin
 * ends the whole build with a stack trace; with it, the page it failed on
 * carries an error and every other page is built.
 */
export function guardSitePlugins(list: PluggableList, kind: 'remark' | 'rehype'): PluggableList {
  return list.map((entry, i) => guard(entry, kind, i));
}

function guard(entry: Pluggable, kind: string, index: number): Pluggable {
  if (typeof entry === 'function') return wrap(entry, kind, index);
  if (Array.isArray(entry) && typeof entry[0] === 'function') return [wrap(entry[0] as Plugin, kind, index), ...entry.slice(1)] as Pluggable;
  // A preset: its plugins are unified's to attach; errors in them stay unnamed.
  return entry;
}

function wrap(plugin: Plugin, kind: string, index: number): Plugin {
  const name = `${kind} plugin \`${plugin.name || `#${index + 1}`}\``;
  return function guarded(this: unknown, ...options: unknown[]) {
    let transformer: unknown;
    try {
      transformer = (plugin as (...args: unknown[]) => unknown).apply(this, options);
    } catch (e) {
      throw new SitePluginError(name, e);
    }
    if (typeof transformer !== 'function') return transformer;
    const transform = transformer as (...a: unknown[]) => unknown;
    const call = (args: unknown[]): unknown => {
      try {
        const result = transform(...args);
        return result instanceof Promise ? result.catch((e: unknown) => Promise.reject(new SitePluginError(name, e))) : result;
      } catch (e) {
        throw new SitePluginError(name, e);
      }
    };
    // unified passes a callback only to transformers that declare three parameters: keep the arity.
    if (transform.length < 3) return (tree: unknown, file: unknown) => call([tree, file]);
    return (tree: unknown, file: unknown, next: (error?: unknown, ...rest: unknown[]) => void) =>
      call([tree, file, (error?: unknown, ...rest: unknown[]) => next(error ? new SitePluginError(name, error) : error, ...rest)]);
  } as Plugin;
}
