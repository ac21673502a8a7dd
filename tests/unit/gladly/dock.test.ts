// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDock,
  COLLAPSED_WIDTH,
  MAX_WIDTH,
  MIN_WIDTH,
  type DockState,
} from '../../../entrypoints/gladly.content/dock';

function mount(initial: DockState) {
  const wrapper = document.body.appendChild(document.createElement('div'));
  // The dock only styles the frame; a stand-in element keeps happy-dom from trying to load a page.
  const iframe = wrapper.appendChild(document.createElement('div')) as unknown as HTMLIFrameElement;
  const saved: DockState[] = [];
  const dock = createDock(wrapper, iframe, initial, (state) => saved.push(state));
  const handle = wrapper.querySelector<HTMLButtonElement>('[data-bc-sidebar-handle]')!;
  const pageMargin = () => document.getElementById('bc-gladly-dock-style')?.textContent ?? '';
  return { wrapper, iframe, dock, saved, handle, pageMargin };
}

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('the dock beside Gladly', () => {
  it('narrows the page by its width instead of covering it', () => {
    const { wrapper, pageMargin } = mount({ width: 420, collapsed: false });
    expect(wrapper.style.width).toBe('420px');
    expect(pageMargin()).toContain('margin-right:420px');
  });

  it('keeps a remembered width within bounds', () => {
    expect(mount({ width: 5000, collapsed: false }).wrapper.style.width).toBe(`${MAX_WIDTH}px`);
    document.body.innerHTML = '';
    expect(mount({ width: 10, collapsed: false }).wrapper.style.width).toBe(`${MIN_WIDTH}px`);
  });

  it('resizes from the keyboard and reports the new width to be remembered', () => {
    const { handle, wrapper, saved } = mount({ width: 400, collapsed: false });
    handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    expect(wrapper.style.width).toBe('420px');
    expect(saved.at(-1)).toEqual({ width: 420, collapsed: false });
  });

  it('collapses to a slim tab that gives Gladly its room back, and opens again with a click or the shortcut', () => {
    const { dock, handle, iframe, wrapper, pageMargin, saved } = mount({ width: 400, collapsed: false });
    handle.dispatchEvent(new MouseEvent('dblclick'));
    expect(wrapper.style.width).toBe(`${COLLAPSED_WIDTH}px`);
    expect(iframe.style.display).toBe('none');
    expect(pageMargin()).toContain(`margin-right:${COLLAPSED_WIDTH}px`);
    expect(handle.getAttribute('aria-label')).toBe('Show the BigCommerce sidebar');
    handle.click();
    expect(wrapper.style.width).toBe('400px');
    dock.toggle();
    expect(dock.state()).toEqual({ width: 400, collapsed: true });
    expect(saved.at(-1)).toEqual({ width: 400, collapsed: true });
  });
});
