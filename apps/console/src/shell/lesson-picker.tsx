import { useState } from 'preact/hooks';
import type { Lesson } from '../lessons.js';
import type { TownSource } from './town-source.js';

export interface LessonProgress {
  lesson: Lesson;
  step: number;
}

/**
 * Choose a lesson, and the town it runs in, and start it (the sandbox is reset and the town
 * loaded: say so before the click). Porchlight Falls is small and quick; the lesson's own town is
 * the one the simulator runs, with the same named people at its centre.
 */
export function LessonPicker({ lessons, busy, onStart }: { lessons: Lesson[]; busy: boolean; onStart: (lesson: Lesson, town: TownSource['kind']) => void }) {
  const live = lessons.filter((lesson) => lesson.steps.length > 0);
  const [chosen, setChosen] = useState(live[0]?.name ?? '');
  const [town, setTown] = useState<TownSource['kind']>('demo');
  const lesson = lessons.find((candidate) => candidate.name === chosen);
  return (
    <form
      class="lesson-picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (lesson) onStart(lesson, town);
      }}
    >
      <label>
        Lesson{' '}
        <select value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
          {live.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Town{' '}
        <select value={town} onChange={(event) => setTown(event.currentTarget.value as TownSource['kind'])}>
          <option value="demo">Porchlight Falls (the demo town)</option>
          <option value="scenario">The scenario’s own town (as the simulator builds it)</option>
        </select>
      </label>
      <button type="submit" disabled={busy || lesson === undefined}>
        {busy ? 'Starting…' : 'Start lesson'}
      </button>
      <span class="hint">Starting empties the sandbox and loads the town.</span>
    </form>
  );
}

/** The lesson's question, its steps (each under a policy) and what to look at in the current one. */
export function LessonPanel({
  progress,
  busy,
  onStep,
  onCompare,
}: {
  progress: LessonProgress;
  busy: boolean;
  onStep: (step: number) => void;
  onCompare: (scenario: string) => void;
}) {
  const { lesson, step } = progress;
  return (
    <section class="lesson" aria-labelledby="lesson-title">
      <h2 id="lesson-title">{lesson.title}</h2>
      <p class="question">{lesson.question}</p>
      <ol>
        {lesson.steps.map((candidate, index) => (
          <li key={index} aria-current={index === step ? 'step' : undefined}>
            <strong>Under {candidate.profile}.</strong> {candidate.todo} <em>Look at:</em> {candidate.lookAt}
            {index !== step ? (
              <>
                {' '}
                <button type="button" disabled={busy} onClick={() => onStep(index)}>
                  Go to step {index + 1} ({candidate.profile})
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <p class="hint">
        The simulator runs this lesson's whole town under every policy:{' '}
        <button type="button" onClick={() => onCompare(lesson.name)}>
          Compare the policies on this town
        </button>{' '}
        (or <code>npm run sim -- compare {lesson.name}</code>).
      </p>
    </section>
  );
}
