/**
 * An integer array of a search table, in an ordinary buffer or, for a table
 * made once for every serving thread (searcher.ts `SearchTables`), in a
 * SharedArrayBuffer: made there from the start, since an ordinary buffer
 * copied then freed leaves its pages with the allocator (measured: 26 MB of
 * a 100 000-article build's tables kept resident after being freed).
 */
type IntegerArrayKind<T> = { new (length: number): T; new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

export function tableArray<T>(Kind: IntegerArrayKind<T>, length: number, shared: boolean): T {
  return shared ? new Kind(new SharedArrayBuffer(length * Kind.BYTES_PER_ELEMENT)) : new Kind(length);
}
