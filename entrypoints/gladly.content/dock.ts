/**
 * Docks the sidebar iframe on the right of Gladly: narrows the page instead of covering it,
 * resizable by dragging its left edge (width remembered), collapsible to a slim tab.
 * Plain DOM on purpose: the content script must stay small.
 */
import { i18n } from '#i18n';
import { DEFAULT_SHORTCUT } from '../../lib/background/commands';

export const MIN_WIDTH = 280;
export const MAX_WIDTH = 900;
export const COLLAPSED_WIDTH = 28;

export interface DockState {
  width: number;
  collapsed: boolean;
}

export interface Dock {
  setCollapsed(collapsed: boolean): void;
  toggle(): void;
  state(): DockState;
  destroy(): void;
}

const STYLE_ID = 'bc-gladly-dock-style';

/** Attach the dock behaviour to the wrapper that holds the sidebar iframe. */
export function createDock(
  wrapper: HTMLElement,
  iframe: HTMLIFrameElement,
  initial: DockState,
  onChange: (state: DockState) => void,
): Dock {
  const doc = wrapper.ownerDocument;
  let state: DockState = { ...initial, width: clamp(initial.width) };

  wrapper.setAttribute('data-bc-sidebar', '');
  Object.assign(wrapper.style, {
    position: 'fixed',
    top: '0',
    right: '0',
    bottom: '0',
    zIndex: '2147483000',
    display: 'flex',
    background: 'Canvas',
    borderLeft: '1px solid rgba(127,127,127,.35)',
    boxSizing: 'border-box',
  } satisfies Partial<CSSStyleDeclaration>);
  Object.assign(iframe.style, { border: '0', flex: '1 1 auto', width: '100%', height: '100%', colorScheme: 'normal' });
  iframe.title = i18n.t('dock.frameTitle');

  // The resize handle doubles as the collapsed tab.
  const handle = doc.createElement('button');
  handle.type = 'button';
  handle.setAttribute('data-bc-sidebar-handle', '');
  Object.assign(handle.style, {
    flex: '0 0 auto',
    width: '8px',
    cursor: 'col-resize',
    border: '0',
    padding: '0',
    margin: '0',
    background: 'transparent',
    color: 'inherit',
    font: '600 11px system-ui, sans-serif',
    writingMode: 'vertical-rl',
  } satisfies Partial<CSSStyleDeclaration>);
  wrapper.insertBefore(handle, iframe);

  const style = doc.getElementById(STYLE_ID) ?? doc.head.appendChild(doc.createElement('style'));
  style.id = STYLE_ID;

  function apply(): void {
    const width = state.collapsed ? COLLAPSED_WIDTH : state.width;
    wrapper.style.width = `${width}px`;
    iframe.style.display = state.collapsed ? 'none' : '';
    handle.style.width = state.collapsed ? '100%' : '8px';
    handle.style.cursor = state.collapsed ? 'pointer' : 'col-resize';
    handle.textContent = state.collapsed ? i18n.t('dock.tab') : '';
    handle.setAttribute('aria-label', i18n.t(state.collapsed ? 'dock.showLabel' : 'dock.resizeLabel'));
    // The default shortcut: a content script cannot ask which one the agent chose.
    handle.title = i18n.t(state.collapsed ? 'dock.showTitle' : 'dock.resizeTitle', [DEFAULT_SHORTCUT]);
    // Narrow Gladly's layout rather than cover it.
    style.textContent = `html{margin-right:${width}px !important;}body{max-width:calc(100vw - ${width}px) !important;}`;
  }

  function set(next: Partial<DockState>): void {
    state = { ...state, ...next, width: clamp(next.width ?? state.width) };
    apply();
    onChange(state);
  }

  // Dragging: an overlay keeps pointer events away from the iframe while the edge moves.
  let dragOverlay: HTMLElement | null = null;
  const onPointerMove = (event: PointerEvent) => {
    // The dock is fixed to the viewport's right edge: its width is the distance to the pointer.
    state = { ...state, width: clamp((doc.defaultView?.innerWidth ?? 0) - event.clientX) };
    apply();
  };
  const onPointerUp = () => {
    dragOverlay?.remove();
    dragOverlay = null;
    doc.removeEventListener('pointermove', onPointerMove);
    doc.removeEventListener('pointerup', onPointerUp);
    onChange(state);
  };
  handle.addEventListener('pointerdown', (event) => {
    if (state.collapsed) return;
    event.preventDefault();
    dragOverlay = doc.body.appendChild(doc.createElement('div'));
    Object.assign(dragOverlay.style, { position: 'fixed', inset: '0', cursor: 'col-resize', zIndex: '2147483001' });
    doc.addEventListener('pointermove', onPointerMove);
    doc.addEventListener('pointerup', onPointerUp);
  });
  handle.addEventListener('click', () => {
    if (state.collapsed) set({ collapsed: false });
  });
  handle.addEventListener('dblclick', () => set({ collapsed: true }));
  handle.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft') set({ width: state.width + 20 });
    else if (event.key === 'ArrowRight') set({ width: state.width - 20 });
  });

  apply();
  return {
    setCollapsed: (collapsed) => set({ collapsed }),
    toggle: () => set({ collapsed: !state.collapsed }),
    state: () => ({ ...state }),
    destroy() {
      onPointerUp();
      style.remove();
    },
  };
}

function clamp(width: number): number {
  if (!Number.isFinite(width)) return 380;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)));
}
