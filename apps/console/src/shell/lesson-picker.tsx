import { useState } from 'preact/hooks';
import type { Lesson } from '../lessons.js';

export interface LessonProgress {
  lesson: Lesson;
  step: number;
}

/** Choose a lesson and start it (the sandbox is reset and the demo town loaded: say so before the click). */
export function LessonPicker({ lessons, busy, onStart }: { lessons: Lesson[]; busy: boolean; onStart: (lesson: Lesson) => void }) {
  const live = lessons.filter((lesson) => lesson.steps.length > 0);
  const [chosen, setChosen] = useState(live[0]?.name ?? '');
  const lesson = lessons.find((candidate) => candidate.name === chosen);
  return (
    <form
      class="lesson-picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (lesson) onStart(lesson);
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
      <button type="submit" disabled={busy || lesson === undefined}>
        {busy ? 'Starting…' : 'Start lesson'}
      </button>
      <span class="hint">Starting empties the sandbox and loads the demo town.</span>
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
