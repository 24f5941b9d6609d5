import { parseConfig } from '@app/config';
import { describe, expect, it } from '@jest/globals';
import { Pipelines } from './pipelines.js';

const config = (pipelines: string) =>
  parseConfig({ JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-long-admin-password', PIPELINES: pipelines });

/** A drainer with `work` units waiting; each drainOnce does them all, and may hand some to another. */
function drainer(name: string, log: string[], work: number, handTo?: { add(units: number): void }) {
  let waiting = work;
  return {
    name,
    add(units: number) {
      waiting += units;
    },
    async drainOnce() {
      log.push(`${name}:${waiting}`);
      const had = waiting > 0;
      if (had && handTo) handTo.add(1);
      waiting = 0;
      return had;
    },
  };
}

describe('Pipelines', () => {
  it('takes no drainer and drains nothing when pipelines are queued, as in a deployment', async () => {
    const pipelines = new Pipelines(config('queued'));
    expect(pipelines.inline).toBe(false);
    expect(() => pipelines.register(drainer('outbox', [], 1))).toThrow(/PIPELINES=inline/);
    await expect(pipelines.drain()).rejects.toThrow(/PIPELINES=inline/);
  });

  it('asks a single drainer once: it does all its work itself', async () => {
    const pipelines = new Pipelines(config('inline'));
    const log: string[] = [];
    pipelines.register(drainer('outbox', log, 3));
    await pipelines.drain();
    expect(log).toEqual(['outbox:3']);
  });

  it('goes round the drainers in order until none finds work, as one hands work to another', async () => {
    const pipelines = new Pipelines(config('inline'));
    const log: string[] = [];
    const first = drainer('first', log, 0);
    const second = drainer('second', log, 2, first);
    pipelines.register(first);
    pipelines.register(second);
    await pipelines.drain();
    expect(log).toEqual(['first:0', 'second:2', 'first:1', 'second:0', 'first:0', 'second:0']);
  });
});
