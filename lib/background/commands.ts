/**
 * The keyboard shortcut (manifest `commands`, Alt+Shift+B by default): shows or hides the
 * sidebar in the tab the agent is looking at.
 */
import type { ToggleSidebarMessage } from '../messages/content';

export const TOGGLE_SIDEBAR = 'toggle-sidebar';

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
