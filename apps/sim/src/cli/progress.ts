import { SingleBar } from 'cli-progress';
import type { ProgressListener } from '../engine/simulation.js';

export interface Progress {
  listener: ProgressListener;
  stop(): void;
}

/**
 * A bar with the simulated date, events per second and ETA on a terminal; elsewhere (CI, a pipe)
 * a plain line every tenth of the run. Written to stderr, so stdout carries only results.
 */
export function progressFor(label: string, totalDays: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const perSecond = (events: number) => Math.round(events / Math.max(0.001, (Date.now() - started) / 1000));
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: `${label} [{bar}] {percentage}% | {date} | {rate} events/s | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(totalDays, 0, { date: '', rate: 0 });
    return {
      listener: (day, date, events) => bar.update(day, { date, rate: perSecond(events) }),
      stop: () => bar.stop(),
    };
  }
  let shown = 0;
  return {
    listener: (day, date, events) => {
      const tenth = Math.floor((day * 10) / totalDays);
      if (tenth <= shown && day !== totalDays) return;
      shown = tenth;
      stream.write(`${label}: day ${day}/${totalDays} (${date}), ${events} events, ${perSecond(events)} events/s\n`);
    },
    stop: () => undefined,
  };
}
