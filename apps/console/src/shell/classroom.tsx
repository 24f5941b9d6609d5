import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { paths } from '../api.js';

type DemoTownAnswer = paths['/api/sandbox/demo-town']['post']['responses'][200]['content']['application/json'];
export type DemoPerson = DemoTownAnswer['people'][number];
export type DemoTown = DemoTownAnswer['town'];

/**
 * What every pane shares: the sandbox key (null when the console was opened without one), the demo
 * town and its people, a token per person (signed in through the sandbox, so no password is typed
 * in front of a class), and the world's version, which changes on every reset so panes start over.
 */
export interface Classroom {
  sandboxKey: string | null;
  town: DemoTown | null;
  people: DemoPerson[];
  world: number;
  tokenFor(person: DemoPerson): Promise<string>;
  /** Something changed for everyone (a policy switch, a clock move): panes reload what they show. */
  changed(): void;
  revision: number;
}

export const ClassroomContext = createContext<Classroom | null>(null);

export function useClassroom(): Classroom {
  const classroom = useContext(ClassroomContext);
  if (classroom === null) throw new Error('useClassroom outside the console');
  return classroom;
}
