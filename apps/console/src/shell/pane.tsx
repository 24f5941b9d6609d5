import { AdminScreen } from '../admin/admin-screen.js';
import { ModeratorScreen } from '../moderator/moderator-screen.js';
import { OfficerScreen } from '../officer/officer-screen.js';
import { ResidentScreen } from '../resident/resident-screen.js';
import { useClassroom, type DemoPerson } from './classroom.js';
import { Failure } from './failure.js';
import { roleName, RoleSwitcher } from './role-switcher.js';
import { useLoaded } from './use-loaded.js';

/** The screen of one person's role, signed in as them. */
function Screen({ person }: { person: DemoPerson }) {
  const classroom = useClassroom();
  const token = useLoaded(() => classroom.tokenFor(person), [person.userId, classroom.world]);
  if (token.state === 'failed') return <Failure error={token.error} prefix={`Could not sign in as ${person.displayName}`} />;
  if (token.state !== 'ready') return <p>Signing in as {person.displayName}…</p>;
  const props = { token: token.value, person };
  switch (person.role) {
    case 'resident':
      return <ResidentScreen {...props} />;
    case 'officer':
    case 'agency_admin':
      return <OfficerScreen {...props} />;
    case 'moderator':
      return <ModeratorScreen {...props} />;
    default:
      return <AdminScreen {...props} />;
  }
}

/** A pane: who it shows (one click to change) and that person's screen. */
export function Pane({ label, personId, onChoose }: { label: string; personId: string | null; onChoose: (userId: string) => void }) {
  const classroom = useClassroom();
  const person = classroom.people.find((candidate) => candidate.userId === personId) ?? null;
  return (
    <section class="pane" aria-label={person ? `${label}: ${roleName(person.role)} ${person.displayName}` : label}>
      <RoleSwitcher people={classroom.people} chosen={personId} onChoose={onChoose} label={`${label}: look as`} />
      {person ? <Screen key={`${person.userId}:${classroom.world}`} person={person} /> : <p class="hint">Choose who to look as.</p>}
    </section>
  );
}
