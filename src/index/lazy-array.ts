/**
 * A read-only array whose elements are made when read, the last `keep`
 * made kept so that reading one again gives the same object (a page reads
 * the same few many times), so that an array of a million articles holds
 * no object per article (documents.ts). It is an Array to every reader:
 * `length`, indexing, iteration, `map`, `Array.isArray`, spreading and
 * deep comparison see its elements; writing to it throws.
 *
 * `tag`: a symbol the array answers `tagged` for, so that its maker finds
 * what it was made from without a table beside it.
 */
export function lazyArray<T, Tagged>(count: number, make: (n: number) => T, keep: number, tag: symbol, tagged: Tagged): T[] {
  const recentNumbers = new Float64Array(Math.min(keep, count)).fill(-1);
  const recent: T[] = new Array(recentNumbers.length);
  const element = (n: number): T => {
    const slot = n % recentNumbers.length;
    if (recentNumbers[slot] === n) return recent[slot];
    recentNumbers[slot] = n;
    return (recent[slot] = make(n));
  };
  /** The element number a property key names, -1 for any other key. */
  const numberOf = (key: string | symbol): number => {
    if (typeof key !== 'string' || key.length === 0 || key.length > 15) return -1;
    const code = key.charCodeAt(0);
    if (code < 48 || code > 57 || (code === 48 && key.length > 1)) return -1;
    const n = Number(key);
    return Number.isInteger(n) && n < count ? n : -1;
  };
  const readOnly = () => {
    throw new TypeError('this array is read-only');
  };
  // The target holds the length only (a holey array allocates no element); its elements are the handler's.
  const target: T[] = [];
  target.length = count;
  return new Proxy(target, {
    get(target, key, receiver) {
      if (key === tag) return tagged;
      const n = numberOf(key);
      return n >= 0 ? element(n) : Reflect.get(target, key, receiver);
    },
    has(target, key) {
      return numberOf(key) >= 0 || Reflect.has(target, key);
    },
    ownKeys(target) {
      const keys: (string | symbol)[] = [];
      for (let n = 0; n < count; n++) keys.push(String(n));
      return [...keys, ...Reflect.ownKeys(target)];
    },
    getOwnPropertyDescriptor(target, key) {
      const n = numberOf(key);
      return n >= 0 ? { value: element(n), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(target, key);
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}
