import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Loaded<T> =
  | { state: 'loading'; value?: T }
  | { state: 'ready'; value: T }
  | { state: 'failed'; error: unknown; value?: T };

/**
 * Loads with `load` whenever `deps` change, and again on `reload()` (after an action or a live
 * event). A reload keeps showing the previous value while it runs, so live counts do not flicker;
 * an answer that arrives after a newer load started is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> & { reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const generation = useRef(0);
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoaded((previous) => ({ state: 'loading', value: previous.value }));
    run().then(
      (value) => mine === generation.current && setLoaded({ state: 'ready', value }),
      (error: unknown) => mine === generation.current && setLoaded((previous) => ({ state: 'failed', error, value: previous.value })),
    );
  }, [run]);
  useEffect(reload, [reload]);
  return { ...loaded, reload };
}
