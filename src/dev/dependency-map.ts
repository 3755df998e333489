/**
 * "What depends on this file": a two-way map between pages and what their
 * last render used (files a `readfile` read, pages and files they link to).
 * Setting a page's dependencies replaces the previous ones, so the map always
 * describes the latest render of each page.
 */
export class DependencyMap {
  readonly #byPage = new Map<string, Set<string>>();
  readonly #byDependency = new Map<string, Set<string>>();

  /** Records what `page` depends on now, forgetting what it depended on before. */
  set(page: string, dependencies: Iterable<string>): void {
    this.delete(page);
    const own = new Set(dependencies);
    if (own.size === 0) return;
    this.#byPage.set(page, own);
    for (const dependency of own) {
      let pages = this.#byDependency.get(dependency);
      if (!pages) this.#byDependency.set(dependency, (pages = new Set()));
      pages.add(page);
    }
  }

  delete(page: string): void {
    const own = this.#byPage.get(page);
    if (!own) return;
    this.#byPage.delete(page);
    for (const dependency of own) {
      const pages = this.#byDependency.get(dependency);
      pages?.delete(page);
      if (pages?.size === 0) this.#byDependency.delete(dependency);
    }
  }

  /** The pages that depend on `dependency`. */
  dependents(dependency: string): string[] {
    return [...(this.#byDependency.get(dependency) ?? [])];
  }

  dependenciesOf(page: string): string[] {
    return [...(this.#byPage.get(page) ?? [])];
  }
}
