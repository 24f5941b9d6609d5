// Types of build.mjs (plain JavaScript, so that the Docker build runs it without TypeScript).
export declare const CONSOLE_DIST: string;
/** Builds the console; answers each asset's path (under dist) and its sizes in bytes. */
export declare function buildConsole(): Promise<Record<string, { bytes: number; gzipBytes: number }>>;
/** The simulator's shipped scenarios as the console lists them. */
export declare function lessonScenarios(): { name: string; title: string; question: string; policy: string }[];
