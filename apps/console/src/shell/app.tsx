import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { answer, clientFor } from '../api.js';
import { PolicyComparison } from '../admin/policy-comparison.js';
import { ComparePanel } from '../compare/compare-panel.js';
import { lessonsFrom, type Lesson, type PaneRole } from '../lessons.js';
import { ClassroomContext, type Classroom, type DemoPerson, type DemoTown } from './classroom.js';
import { ClockBar } from './clock-bar.js';
import { Failure } from './failure.js';
import { LessonPanel, LessonPicker, type LessonProgress } from './lesson-picker.js';
import { Pane } from './pane.js';
import { useAction } from './use-action.js';
import { SignInForm, type SignedIn } from './sign-in-form.js';
import { loadTownFrom, storedTownSource, type TownSource } from './town-source.js';

const LESSONS = lessonsFrom(__LESSON_SCENARIOS__);

const firstWithRole = (people: DemoPerson[], role: PaneRole): string | null => people.find((person) => person.role === role)?.userId ?? null;

/**
 * The console: with the sandbox key (the URL `npm start` prints), the demo town's people one click
 * away, side by side, and lessons that reset the sandbox and set the policy; without it, the
 * policies side by side and a word on how to get the rest.
 */
export function App({ sandboxKey, initialPanes }: { sandboxKey: string | null; initialPanes: [string | null, string | null] }) {
  const [town, setTown] = useState<DemoTown | null>(null);
  const [people, setPeople] = useState<DemoPerson[]>([]);
  const [world, setWorld] = useState(0);
  const [revision, setRevision] = useState(0);
  const [panes, setPanes] = useState<[string | null, string | null]>([null, null]);
  const [progress, setProgress] = useState<LessonProgress | null>(null);
  // A classroom action (loading the town, starting a lesson, a step) shows it busy and any refusal in plain words.
  const { run: act, busy, failure } = useAction();
  const tokens = useRef(new Map<string, Promise<string>>());
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null);
  // With the sandbox key: the live classroom, or the simulator's comparison of a lesson's town.
  const [view, setView] = useState<{ kind: 'classroom' } | { kind: 'compare'; scenario: string | null }>({ kind: 'classroom' });

  const loadTown = useCallback(
    async (source: TownSource) => {
      const loaded = await loadTownFrom(sandboxKey!, source);
      setTown(loaded.town);
      setPeople(loaded.people);
      return loaded.people;
    },
    [sandboxKey],
  );

  useEffect(() => {
    if (sandboxKey === null) return;
    void act(async () => {
      const everyone = await loadTown(storedTownSource());
      const byEmail = (email: string | null) => everyone.find((person) => person.email === email)?.userId ?? null;
      setPanes([byEmail(initialPanes[0]), byEmail(initialPanes[1])]);
    });
    // The URL's panes count once, when the console opens.
  }, [act, loadTown, sandboxKey]);

  const tokenFor = useCallback(
    (person: DemoPerson) => {
      if (sandboxKey === null) return signedIn ? Promise.resolve(signedIn.token) : Promise.reject(new Error('Not signed in'));
      let token = tokens.current.get(person.userId);
      if (token === undefined) {
        token = answer(clientFor({ sandboxKey: sandboxKey! }).POST('/api/sandbox/sign-in', { body: { email: person.email } })).then((signedIn) => signedIn.accessToken);
        token.catch(() => tokens.current.delete(person.userId));
        tokens.current.set(person.userId, token);
      }
      return token;
    },
    [sandboxKey, signedIn],
  );

  const showStep = async (lesson: Lesson, step: number, everyone: DemoPerson[], adminToken: string) => {
    const { profile, panes: roles } = lesson.steps[step]!;
    await answer(clientFor({ token: adminToken }).PUT('/api/policy', { body: { profile } }));
    setPanes([firstWithRole(everyone, roles[0]), firstWithRole(everyone, roles[1])]);
    setProgress({ lesson, step });
    setRevision((value) => value + 1);
  };

  const startLesson = (lesson: Lesson, town: TownSource['kind']) =>
    act(async () => {
      const { adminToken } = await answer(clientFor({ sandboxKey: sandboxKey! }).POST('/api/sandbox/reset'));
      tokens.current.clear();
      const everyone = await loadTown(town === 'scenario' ? { kind: 'scenario', scenario: lesson.name } : { kind: 'demo' });
      setWorld((value) => value + 1);
      await showStep(lesson, 0, everyone, adminToken);
    });

  const goToStep = (step: number) =>
    act(async () => {
      const admin = people.find((person) => person.role === 'admin')!;
      await showStep(progress!.lesson, step, people, await tokenFor(admin));
    });

  const classroom = useMemo<Classroom>(
    () => ({
      sandboxKey,
      town,
      people: signedIn ? [signedIn.person] : people,
      world,
      revision,
      tokenFor,
      changed: () => setRevision((value) => value + 1),
    }),
    [sandboxKey, town, people, signedIn, world, revision, tokenFor],
  );

  /** Without the key: sign in, and the policies; with it: the two panes of a lesson, or the comparison. */
  const content = () => {
    if (sandboxKey === null && signedIn === null) {
      return (
        <>
          <p class="hint">
            Sign in with an account of this deployment, or open the console with the address <code>npm start</code> prints (it ends in{' '}
            <code>#sandbox=…</code>) to look as anyone in the demo town and run lessons.
          </p>
          <SignInForm onSignedIn={setSignedIn} />
          <PolicyComparison />
        </>
      );
    }
    if (sandboxKey === null) {
      return (
        <div class="panes single">
          <Pane label="Signed in" personId={signedIn!.person.userId} onChoose={() => undefined} />
        </div>
      );
    }
    if (view.kind === 'compare') return <ComparePanel key={view.scenario} sandboxKey={sandboxKey} lessons={LESSONS} initialScenario={view.scenario} />;
    return (
      <>
        {progress ? <LessonPanel progress={progress} busy={busy} onStep={goToStep} onCompare={(scenario) => setView({ kind: 'compare', scenario })} /> : null}
        <div class="panes">
          <Pane label="Left" personId={panes[0]} onChoose={(userId) => setPanes([userId, panes[1]])} />
          <Pane label="Right" personId={panes[1]} onChoose={(userId) => setPanes([panes[0], userId])} />
        </div>
      </>
    );
  };

  return (
    <ClassroomContext.Provider value={classroom}>
      <header class="top">
        <h1>Porchlight classroom console</h1>
        {sandboxKey !== null ? (
          <div class="controls">
            <nav aria-label="Console views" class="views">
              <button type="button" aria-pressed={view.kind === 'classroom'} onClick={() => setView({ kind: 'classroom' })}>
                Live classroom
              </button>
              <button type="button" aria-pressed={view.kind === 'compare'} onClick={() => setView({ kind: 'compare', scenario: progress?.lesson.name ?? null })}>
                Compare policies
              </button>
            </nav>
            {view.kind === 'classroom' ? (
              <>
                <LessonPicker lessons={LESSONS} busy={busy} onStart={startLesson} />
                <ClockBar sandboxKey={sandboxKey} />
              </>
            ) : null}
          </div>
        ) : signedIn ? (
          <p>
            Signed in as {signedIn.person.displayName}.{' '}
            <button type="button" onClick={() => setSignedIn(null)}>
              Sign out
            </button>
          </p>
        ) : (
          <p>What police see and what owners see, under each privacy rule.</p>
        )}
      </header>
      <main>
        {failure ? <Failure error={failure} /> : null}
        {content()}
      </main>
    </ClassroomContext.Provider>
  );
}
