import { useId } from 'preact/hooks';
import { answer, clientFor } from '../api.js';
import { Failure } from '../shell/failure.js';
import { useLoaded } from '../shell/use-loaded.js';
import { ruleRows } from '../policy-table.js';

/**
 * Every rule of the shipped profiles side by side; the rules they disagree on are marked (a sign
 * as well as a colour), the active profile named. `version` reloads it after a policy switch.
 */
export function PolicyComparison({ version = 0 }: { version?: number }) {
  const policiesId = useId();
  const loaded = useLoaded(async () => {
    const client = clientFor();
    const [profiles, active] = await Promise.all([answer(client.GET('/api/policy/profiles')), answer(client.GET('/api/policy'))]);
    return { items: profiles.items, activeName: active.profile };
  }, [version]);
  if (loaded.value === undefined) return loaded.state === 'failed' ? <Failure error={loaded.error} /> : <p>Loading the policies…</p>;
  const { items, activeName } = loaded.value;
  return (
    <section aria-labelledby={policiesId}>
      <h2 id={policiesId}>The policies side by side</h2>
      <p>
        Each column is a shipped profile; rows marked <span class="differs-key">differs</span> are where the rules disagree. Active now:{' '}
        <strong>{activeName}</strong>.
      </p>
      {/* Focusable, so a keyboard can scroll a table wider than the pane. */}
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Rules of every policy (scrolls)">
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
