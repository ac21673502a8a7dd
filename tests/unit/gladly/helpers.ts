import { createGladlyApp } from '../../../sandbox/gladly/app';
import { GLADLY_API_USER, personas, type PersonaKey } from '../../../sandbox/personas';
import type { View } from '../../../sandbox/gladly/render';

export const app = createGladlyApp({ apiUser: GLADLY_API_USER });

export function personaPath(key: PersonaKey): string {
  const p = personas[key];
  return `/customer/${p.gladlyId}/conversation/${p.conversationId}`;
}

/** The look-alike's page as the server renders it (`?skeleton=0`: the view instead of the skeleton). */
export async function pageHtml(path: string, skeleton = '0'): Promise<string> {
  const response = await app.request(`${path}?skeleton=${skeleton}`);
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return response.text();
}

export async function parsePage(path: string, skeleton = '0'): Promise<Document> {
  return new DOMParser().parseFromString(await pageHtml(path, skeleton), 'text/html');
}

/** What the page script fetches on navigation. */
export async function view(path: string): Promise<View> {
  return (await (await app.request(`/_app/view?path=${encodeURIComponent(path)}`)).json()) as View;
}

/** The look-alike's Customer Details container in the test's document. */
export function panelContainer(): HTMLElement {
  const element = document.getElementById('gladly-customer');
  if (!element) throw new Error('no panel container');
  return element;
}

/** Loads the look-alike's page for a persona (or home) into the test's document, without its page script. */
export async function loadLookalike(key: PersonaKey | '/home'): Promise<void> {
  const path = key === '/home' ? key : personaPath(key);
  const html = (await pageHtml(path)).replace(/<script>[\s\S]*?<\/script>/, '');
  history.replaceState(null, '', path);
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}
