/**
 * Captures are immutable: whatever a helper derives from one capture object (a page, a link, a form,
 * a site's page list) is the same every time it is asked. A site is judged by ~95 rules that fold and
 * scan the same pages; memoizing per object lets them share that work without sharing any state that
 * could change a result (same object → same value; a WeakMap forgets a site once it is dropped).
 *
 * Only wrap pure functions of the key, and never mutate what they return.
 */
export function memoizePerCapture<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = derive(key);
    cache.set(key, value);
    return value;
  };
}
