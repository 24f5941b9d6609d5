import { realtimeKey, REALTIME_NAMESPACE } from '@app/notifications';
import { Redis } from 'ioredis';
import notepack from 'notepack.io';

/** One push as published on Redis for the api's sockets: its event and target rooms. */
export interface SniffedPush {
  event: string;
  rooms: string[];
  /** How many marks were seen before it (see `mark`). */
  afterMark: number;
}

export interface RealtimeSniffer {
  pushes: SniffedPush[];
  /**
   * Publishes a mark on the same channels and resolves once it has come back: every push
   * Redis received before the mark is recorded by then, every later one gets a higher afterMark.
   */
  mark(): Promise<number>;
  close(): Promise<void>;
}

type Broadcast = [uid: string, packet: { data?: unknown[] }, opts: { rooms?: string[] }];

const MARK_EVENT = 'test.mark';

/**
 * Listens to every push any process publishes for this deployment's sockets (the Redis adapter's
 * broadcast channels), whether or not a socket is there to receive it: a test can prove that
 * nothing was sent, not only that nothing arrived.
 */
export async function sniffRealtime(redisUrl: string, queuePrefix: string): Promise<RealtimeSniffer> {
  const channels = `${realtimeKey(queuePrefix)}#${REALTIME_NAMESPACE}#`;
  const subscriber = new Redis(redisUrl);
  const publisher = new Redis(redisUrl);
  const pushes: SniffedPush[] = [];
  let marks = 0;
  const waiting = new Map<number, () => void>();
  subscriber.on('pmessageBuffer', (_pattern: Buffer, _channel: Buffer, message: Buffer) => {
    const [, packet, opts] = notepack.decode<Broadcast>(message);
    const [event, payload] = packet.data ?? [];
    if (event === MARK_EVENT) {
      marks = payload as number;
      waiting.get(marks)?.();
      return;
    }
    pushes.push({ event: String(event), rooms: opts.rooms ?? [], afterMark: marks });
  });
  await subscriber.psubscribe(`${channels}*`);
  let sent = 0;
  return {
    pushes,
    async mark() {
      const mark = ++sent;
      const back = new Promise<void>((resolve) => waiting.set(mark, resolve));
      // A broadcast to a room no socket is in: the api's adapter receives it too and sends it nowhere.
      await publisher.publish(`${channels}${MARK_EVENT}#`, notepack.encode(['test-sniffer', { type: 2, data: [MARK_EVENT, mark] }, { rooms: [MARK_EVENT], except: [], flags: {} }]));
      await back;
      return mark;
    },
    async close() {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
