import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now. Node has no API for it: `--expose-gc`, set
 * at run time, gives `gc` to the contexts made after it, such as a new `vm`
 * context's, and that `gc` collects the whole isolate.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
