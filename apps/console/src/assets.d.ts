// Stylesheets imported by the code are bundled by esbuild into assets/console.css.
declare module '*.css';
// The simulator's shipped scenarios (name, title, question, policy), put in by build.mjs.
declare const __LESSON_SCENARIOS__: import('./lessons.js').LessonScenario[];
