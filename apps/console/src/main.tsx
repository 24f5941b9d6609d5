import { render } from 'preact';
import './console.css';
import { App } from './shell/app.js';
import { takeFragment } from './shell/fragment.js';

const root = document.getElementById('app')!;
// Preact renders beside what is there: the page's "Loading…" line goes first.
root.replaceChildren();
const { sandboxKey, panes } = takeFragment();
render(<App sandboxKey={sandboxKey} initialPanes={panes} />, root);
