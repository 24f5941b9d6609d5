const STORAGE_KEY = 'porchlight.sandboxKey';

/** What a console URL's fragment may carry: the sandbox key and who each pane shows (by email). */
export interface ConsoleFragment {
  sandboxKey: string | null;
  panes: [string | null, string | null];
}

/**
 * Reads `#sandbox=KEY&left=EMAIL&right=EMAIL` (the URL `npm start` prints carries the key; a
 * teacher may bookmark who is on screen). Every part is optional.
 */
export function parseFragment(fragment: string): ConsoleFragment {
  const parameters = new URLSearchParams(fragment.replace(/^#/, ''));
  return { sandboxKey: parameters.get('sandbox'), panes: [parameters.get('left'), parameters.get('right')] };
}

/**
 * The fragment of this page's URL. A fragment never reaches the server or its logs; the key is
 * kept in the tab's session storage and the fragment taken off the address bar, so a projector
 * does not show the key.
 */
export function takeFragment(): ConsoleFragment {
  const fragment = parseFragment(location.hash);
  if (location.hash !== '') history.replaceState(null, '', location.pathname + location.search);
  if (fragment.sandboxKey !== null) sessionStorage.setItem(STORAGE_KEY, fragment.sandboxKey);
  return { ...fragment, sandboxKey: sessionStorage.getItem(STORAGE_KEY) };
}
