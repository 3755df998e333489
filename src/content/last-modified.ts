import { spawn } from 'node:child_process';

/**
 * When each file was last committed, from one `git log` over the site (not one
 * process per page): `content/a.md` → `2024-05-01T10:00:00+02:00`. Paths are
 * relative to `siteDir`, with forward slashes. Files git does not know, or a
 * site outside git (or no git at all), simply have no entry.
 *
 * `wanted` stops the walk through history as soon as every one of those files
 * has been seen; `pathspecs` limit it to the folders that hold pages.
 */
export async function gitLastModified(siteDir: string, options: { wanted?: Iterable<string>; pathspecs?: string[] } = {}): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  const wanted = options.wanted ? new Set(options.wanted) : undefined;
  if (wanted && wanted.size === 0) return dates;
  const args = ['-c', 'core.quotepath=off', 'log', '--format=%x00%cI', '--name-only', '--relative', '--no-renames', '--', ...(options.pathspecs ?? ['.'])];
  return new Promise((resolve) => {
    // No git on the machine: spawn reports ENOENT as an `error` event.
    const child = spawn('git', args, { cwd: siteDir, stdio: ['ignore', 'pipe', 'ignore'] });
    let date: string | undefined;
    let pending = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(dates);
    };
    const take = (line: string) => {
      if (line.startsWith('\u0000')) date = line.slice(1);
      else if (line !== '' && date && !dates.has(line)) {
        dates.set(line, date);
        if (wanted?.has(line)) {
          wanted.delete(line);
          if (wanted.size === 0) {
            child.kill();
            finish();
          }
        }
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (done) return;
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        take(line);
        if (done) return;
      }
    });
    child.on('error', finish);
    child.on('close', (code) => {
      if (done) return;
      if (pending) take(pending);
      // Not a repository (128) or no git: no dates rather than an error.
      if (code !== 0) dates.clear();
      finish();
    });
  });
}
