import { parseConfig } from '@app/config';
import { describe, expect, it } from '@jest/globals';
import { Pipelines } from './pipelines.js';

const config = (pipelines: string) =>
  parseConfig({ JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-long-admin-password', PIPELINES: pipelines });

/** A drainer that logs each run, and may note work for another pipeline or fail. */
function drainer(name: string, log: string[], effect: () => void = () => undefined) {
  return {
    name,
    async drainOnce() {
      log.push(name);
      effect();
    },
  };
}

describe('Pipelines', () => {
  it('takes no drainer and drains nothing when pipelines are queued, as in a deployment', async () => {
    const pipelines = new Pipelines(config('queued'));
    expect(pipelines.inline).toBe(false);
    expect(() => pipelines.register(drainer('outbox', []))).toThrow(/PIPELINES=inline/);
    await expect(pipelines.drain()).rejects.toThrow(/PIPELINES=inline/);
  });

  it('runs every drainer on the first drain (work may be left from before), then only those with work noted', async () => {
    const pipelines = new Pipelines(config('inline'));
    const log: string[] = [];
    pipelines.register(drainer('outbox', log));
    pipelines.register(drainer('other', log));
    await pipelines.drain();
    expect(log).toEqual(['outbox', 'other']);

    await pipelines.drain();
    expect(log).toEqual(['outbox', 'other']);

    pipelines.note('other');
    await pipelines.drain();
    expect(log).toEqual(['outbox', 'other', 'other']);
  });

  it('goes round the drainers in order while one notes work for another', async () => {
    const pipelines = new Pipelines(config('inline'));
    const log: string[] = [];
    let handBack = 1;
    pipelines.register(drainer('first', log, () => pipelines.note('second')));
    pipelines.register(drainer('second', log, () => handBack-- > 0 && pipelines.note('first')));
    await pipelines.drain();
    expect(log).toEqual(['first', 'second', 'first', 'second']);
  });

  it('keeps a failing drainer’s work for the next drain', async () => {
    const pipelines = new Pipelines(config('inline'));
    const log: string[] = [];
    let fails = true;
    pipelines.register(
      drainer('outbox', log, () => {
        if (fails) throw new Error('database gone');
      }),
    );
    await expect(pipelines.drain()).rejects.toThrow('database gone');
    fails = false;
    await pipelines.drain();
    expect(log).toEqual(['outbox', 'outbox']);
  });

  it('shares noted work between the contexts of one product (one configuration), not between products', async () => {
    const shared = config('inline');
    const api = new Pipelines(shared);
    const worker = new Pipelines(shared);
    const otherRun = new Pipelines(config('inline'));
    const log: string[] = [];
    worker.register(drainer('outbox', log));
    await worker.drain();

    otherRun.note('outbox');
    await worker.drain();
    expect(log).toEqual(['outbox']);

    api.note('outbox');
    await worker.drain();
    expect(log).toEqual(['outbox', 'outbox']);
  });
});
