// The one way to write the run's state: the state's collections and records are typed read-only
// for everyone else, and only the stores in this folder take them back as writable. The
// architecture test checks that nothing outside `src/engine/stores/` imports this module.

/** `T` with its read-only properties, maps and sets writable again. */
export type Writable<T> = {
  -readonly [K in keyof T]: T[K] extends ReadonlyMap<infer Key, infer Value>
    ? Map<Key, Value>
    : T[K] extends ReadonlySet<infer Element>
      ? Set<Element>
      : T[K] extends readonly (infer Item)[]
        ? Item[]
        : T[K];
};

/** The same object, typed for writing (no copy: stores change the run's own records). */
export function writable<T>(value: T): Writable<T> {
  return value as Writable<T>;
}
