import { answer, clientFor } from '../api.js';
import { useClassroom } from './classroom.js';
import { useLoaded } from './use-loaded.js';

/** The sandbox's time (the api's clock, which a class may have moved), or the browser's without a key. */
export function useNow(): Date | null {
  const { sandboxKey, world, revision } = useClassroom();
  const now = useLoaded(async () => {
    if (sandboxKey === null) return new Date();
    return new Date((await answer(clientFor({ sandboxKey }).GET('/api/sandbox/clock'))).now);
  }, [sandboxKey, world, revision]);
  return now.value ?? null;
}
