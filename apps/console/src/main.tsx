import { render } from 'preact';
import './console.css';
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, getJson } from './api.js';
import { ruleRows, type Profile } from './policy-table.js';

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

function useJson<T>(path: string): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    getJson<T>(path).then(
      (value) => setLoaded({ state: 'ready', value }),
      (error: unknown) => setLoaded({ state: 'failed', message: error instanceof ApiFailure ? error.message : 'The api could not be reached.' }),
    );
  }, [path]);
  return loaded;
}

/** Every rule of the shipped profiles side by side; the rules they disagree on are marked, the active profile named. */
function PolicyComparison() {
  const profiles = useJson<{ items: Profile[] }>('/api/policy/profiles');
  const active = useJson<{ profile: string }>('/api/policy');
  if (profiles.state === 'loading') return <p>Loading the policies…</p>;
  if (profiles.state === 'failed') return <p role="alert">{profiles.message}</p>;
  const items = profiles.value.items;
  const activeName = active.state === 'ready' ? active.value.profile : null;
  return (
    <section aria-labelledby="policies-title">
      <h2 id="policies-title">The policies side by side</h2>
      <p>
        Each column is a shipped profile; rows marked <span class="differs-key">differs</span> are where the rules disagree.
        {activeName ? (
          <>
            {' '}
            Active now: <strong>{activeName}</strong>.
          </>
        ) : null}
      </p>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">Rules of every shipped policy profile</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              {items.map((item) => (
                <th scope="col" key={item.profile} title={item.summary} aria-current={item.profile === activeName ? 'true' : undefined}>
                  {item.profile}
                  {item.profile === activeName ? ' (active)' : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ruleRows(items).map((row) => (
              <tr key={row.rule} class={row.differs ? 'differs' : undefined}>
                <th scope="row">
                  {row.rule}
                  {row.differs ? <span class="visually-hidden"> (differs)</span> : null}
                </th>
                {row.values.map((value, index) => (
                  <td key={items[index]!.profile}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Console() {
  return (
    <>
      <header>
        <h1>Porchlight classroom console</h1>
        <p>What police see and what owners see, under each privacy rule.</p>
      </header>
      <main>
        <PolicyComparison />
      </main>
    </>
  );
}

render(<Console />, document.getElementById('app')!);
