/**
 * The dashboard's router: the URL names the page (/r/<key>?depth=2 for a resource), every
 * navigation pushes a history entry, and back and forward re-render from the URL.
 */
import { useSyncExternalStore } from 'react';

const changeEvent = 'lateral:navigate';

export interface AppLocation {
  pathname: string;
  search: string;
}

let current: AppLocation = { pathname: window.location.pathname, search: window.location.search };

function refresh(): void {
  const { pathname, search } = window.location;
  if (pathname !== current.pathname || search !== current.search) current = { pathname, search };
}

function subscribe(onChange: () => void): () => void {
  const listener = () => {
    refresh();
    onChange();
  };
  window.addEventListener('popstate', listener);
  window.addEventListener(changeEvent, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(changeEvent, listener);
  };
}

/** The current location; the component re-renders when it changes. */
export function useAppLocation(): AppLocation {
  return useSyncExternalStore(subscribe, () => current);
}

/** Goes to a page of the dashboard, as a new history entry (or replacing the current one). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = new URL(to, window.location.origin);
  if (target.origin !== window.location.origin) return;
  const path = `${target.pathname}${target.search}`;
  if (path === `${window.location.pathname}${window.location.search}`) return;
  if (options.replace === true) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(changeEvent));
  window.scrollTo(0, 0);
}
