import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { answer, clientFor, type components } from '../api.js';

export type Comparison = components['schemas']['ComparisonResponse'];

/** How often a running comparison is read again: its progress is written twice a second. */
const POLL_MS = 1000;

const unfinished = (comparison: Comparison | null) => comparison !== null && (comparison.status === 'queued' || comparison.status === 'running');

/**
 * A comparison asked for with `start`, then followed until it is done or failed. Asking for one
 * already done answers it at once (the api keeps results), so a second visit shows it instantly.
 */
export function useComparison(sandboxKey: string): {
  comparison: Comparison | null;
  start: (scenario: string) => Promise<void>;
} {
  const [comparison, setComparison] = useState<Comparison | null>(null);
  // The comparison on screen: an answer about another (an older ask) is dropped.
  const shown = useRef<string | null>(null);
  const start = useCallback(
    async (scenario: string) => {
      // The whole town, as `npm run sim -- compare` runs it.
      const asked = await answer(clientFor({ sandboxKey }).POST('/api/sandbox/comparisons', { body: { scenario, scale: 1 } }));
      shown.current = asked.id;
      setComparison(asked);
    },
    [sandboxKey],
  );

  useEffect(() => {
    if (!unfinished(comparison)) return;
    const id = comparison!.id;
    const timer = setTimeout(() => {
      answer(clientFor({ sandboxKey }).GET('/api/sandbox/comparisons/{id}', { params: { path: { id } } })).then(
        (next) => shown.current === id && setComparison(next),
        // A missed read is read again on the next tick; the page keeps the last progress.
        () => shown.current === id && setComparison({ ...comparison! }),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [comparison, sandboxKey]);

  return { comparison, start };
}
