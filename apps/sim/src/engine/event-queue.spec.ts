import { describe, expect, it } from '@jest/globals';
import { EventQueue } from './event-queue.js';

describe('the event queue', () => {
  it('hands events out by time, and in scheduling order at the same time', () => {
    const queue = new EventQueue<string>();
    for (const [at, name] of [[30, 'c'], [10, 'a1'], [20, 'b'], [10, 'a2'], [40, 'd'], [10, 'a3']] as const) queue.schedule(at, name);
    const order: string[] = [];
    for (let next = queue.takeBefore(35); next; next = queue.takeBefore(35)) order.push(next.event);
    expect(order).toEqual(['a1', 'a2', 'a3', 'b', 'c']);
    expect(queue.size).toBe(1);
    expect(queue.takeBefore(40)).toBeUndefined();
    expect(queue.takeBefore(41)?.event).toBe('d');
  });
});
