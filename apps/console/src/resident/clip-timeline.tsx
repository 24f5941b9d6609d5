import type { components } from '../api.js';

type Clip = components['schemas']['OfferedRecordingResponse'];

/** The request's window as a line, the owner's clips as marks on it: what the agency is asking for. */
export function ClipTimeline({ window, clips }: { window: { start: string; end: string }; clips: Clip[] }) {
  const start = Date.parse(window.start);
  const span = Math.max(1, Date.parse(window.end) - start);
  const at = (iso: string) => Math.min(100, Math.max(0, ((Date.parse(iso) - start) / span) * 100));
  return (
    <svg class="clip-timeline" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={`${clips.length} of your clips in the requested window`}>
      <rect x="0" y="4" width="100" height="2" class="window" />
      {clips.map((clip) => (
        <rect key={clip.id} x={at(clip.startedAt)} y="1" width={Math.max(0.8, at(clip.endedAt) - at(clip.startedAt))} height="8" class="clip" />
      ))}
    </svg>
  );
}
