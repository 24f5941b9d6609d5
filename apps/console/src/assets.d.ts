// Stylesheets imported by the code are bundled by esbuild into assets/console.css.
declare module '*.css';
