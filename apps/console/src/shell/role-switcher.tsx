import type { DemoPerson } from './classroom.js';

const ROLE_NAMES: Record<string, string> = {
  resident: 'Resident',
  officer: 'Officer',
  agency_admin: 'Agency admin',
  moderator: 'Moderator',
  admin: 'Admin',
};

export const roleName = (role: string): string => ROLE_NAMES[role] ?? role;

/** One button per demo person: a class changes who it is looking as with one click. */
export function RoleSwitcher({ people, chosen, onChoose, label }: { people: DemoPerson[]; chosen: string | null; onChoose: (userId: string) => void; label: string }) {
  return (
    <nav class="role-switcher" aria-label={label}>
      {people.map((person) => (
        <button
          type="button"
          key={person.userId}
          aria-pressed={person.userId === chosen}
          onClick={() => onChoose(person.userId)}
          title={person.agencyName ?? undefined}
        >
          <span class="role">{roleName(person.role)}</span> {person.displayName}
        </button>
      ))}
    </nav>
  );
}
