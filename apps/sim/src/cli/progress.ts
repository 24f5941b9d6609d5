import { MultiBar, type SingleBar } from 'cli-progress';
import type { ProgressListener } from '../engine/simulation.js';

export interface Progress {
  listener: ProgressListener;
  /** The run starts now (it may have waited for a process): its events per second count from here. */
  begin(): void;
  stop(): void;
}

/**
 * Progress of one or more runs at once: on a terminal a bar per run (simulated date, events per
 * second, ETA); elsewhere (CI, a pipe) a plain line per run every tenth of it. Written to stderr,
 * so stdout carries only results.
 */
export class ProgressBoard {
  private readonly bars: MultiBar | null;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.bars = stream.isTTY
      ? new MultiBar({ stream, format: '{label} [{bar}] {percentage}% | {date} | {rate} events/s | ETA {eta_formatted}', hideCursor: true, clearOnComplete: false })
      : null;
  }

  /** A run's progress, labelled. */
  track(label: string, totalDays: number): Progress {
    let started = Date.now();
    const begin = () => void (started = Date.now());
    const perSecond = (events: number) => Math.round(events / Math.max(0.001, (Date.now() - started) / 1000));
    if (this.bars) {
      const bar: SingleBar = this.bars.create(totalDays, 0, { label, date: '', rate: 0 });
      return { listener: (day, date, events) => bar.update(day, { date, rate: perSecond(events) }), begin, stop: () => bar.stop() };
    }
    let shown = 0;
    return {
      listener: (day, date, events) => {
        const tenth = Math.floor((day * 10) / totalDays);
        if (tenth <= shown && day !== totalDays) return;
        shown = tenth;
        this.stream.write(`${label}: day ${day}/${totalDays} (${date}), ${events} events, ${perSecond(events)} events/s\n`);
      },
      begin,
      stop: () => undefined,
    };
  }

  close(): void {
    this.bars?.stop();
  }
}
