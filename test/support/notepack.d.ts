// notepack.io (the msgpack codec of socket.io's Redis adapter and emitter) ships no types.
declare module 'notepack.io' {
  export function encode(value: unknown): Buffer;
  export function decode<T = unknown>(buffer: Buffer): T;
}
