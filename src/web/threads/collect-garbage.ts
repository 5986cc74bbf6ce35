import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full collection of this thread's heap, now. A build's shared buffers are
 * freed once no thread holds an object over them; a thread whose own heap
 * barely grows (the front) would otherwise collect the old build's objects
 * late, keeping its hundreds of megabytes of arrays alive; and a load leaves
 * a heap of parsed lines (the catalog's) that each serving thread would keep
 * committed for a while.
 */
export const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return () => gc?.();
})();
