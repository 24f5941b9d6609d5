import { useCallback, useState } from 'preact/hooks';

/**
 * A button's action: while it runs `busy`, and what it threw (a refusal of the api, in the
 * contract's shape) kept as `failure` for the screen to show in plain words; cleared on the next run.
 */
export function useAction(): { run: (action: () => Promise<unknown>) => Promise<void>; busy: boolean; failure: unknown } {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, failure };
}
