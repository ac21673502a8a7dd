/**
 * The keyboard shortcut (manifest `commands`, Alt+Shift+G by default) and the toolbar button:
 * both show or hide the sidebar in the tab the agent is looking at; the button, on a tab
 * without the sidebar, opens the options page instead.
 */
import type { ToggleSidebarMessage } from '../messages/content';

export const TOGGLE_SIDEBAR = 'toggle-sidebar';

/** The default shortcut. Not Alt+Shift+B: Chromium keeps that for "focus the bookmarks bar" and gives it to no extension. */
export const DEFAULT_SHORTCUT = 'Alt+Shift+G';

export interface CommandDeps {
  /** The active tab of the focused window, if any. */
  activeTabId(): Promise<number | undefined>;
  sendToTab(tabId: number, message: ToggleSidebarMessage): Promise<unknown>;
}

export function createCommandHandler(deps: CommandDeps): (command: string) => Promise<void> {
  return async (command) => {
    if (command !== TOGGLE_SIDEBAR) return;
    const tabId = await deps.activeTabId().catch(() => undefined);
    // A tab without our content script (not Gladly) has no one to answer: nothing to toggle.
    if (tabId !== undefined) await deps.sendToTab(tabId, { type: 'sidebar/toggle' }).catch(() => undefined);
  };
}

export interface ToolbarDeps {
  sendToTab(tabId: number, message: ToggleSidebarMessage): Promise<unknown>;
  openOptions(): Promise<void>;
}

/** The content script's answer when it had a sidebar to show or hide. */
export function wasToggled(reply: unknown): boolean {
  return typeof reply === 'object' && reply !== null && (reply as { toggled?: unknown }).toggled === true;
}

/**
 * The toolbar button (`action.onClicked`; no popup): on a Gladly tab whose sidebar answered, it
 * was toggled; anywhere else (no content script, or one without a sidebar) the options page opens.
 */
export function createToolbarHandler(deps: ToolbarDeps): (tab: { id?: number }) => Promise<void> {
  return async (tab) => {
    if (tab.id !== undefined) {
      const reply = await deps.sendToTab(tab.id, { type: 'sidebar/toggle' }).catch(() => undefined);
      if (wasToggled(reply)) return;
    }
    await deps.openOptions();
  };
}
