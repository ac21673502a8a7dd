import { describe, expect, it } from 'vitest';
import { createCommandHandler, TOGGLE_SIDEBAR } from '../../../lib/background/commands';

function setup(activeTab: number | undefined, send: (tabId: number) => Promise<unknown> = async () => undefined) {
  const sent: Array<{ tabId: number; type: string }> = [];
  const handle = createCommandHandler({
    activeTabId: async () => activeTab,
    sendToTab: async (tabId, message) => {
      sent.push({ tabId, type: message.type });
      return send(tabId);
    },
  });
  return { handle, sent };
}

describe('the keyboard shortcut', () => {
  it('toggles the sidebar in the active tab', async () => {
    const { handle, sent } = setup(7);
    await handle(TOGGLE_SIDEBAR);
    expect(sent).toEqual([{ tabId: 7, type: 'sidebar/toggle' }]);
  });

  it('ignores other commands, and a window without an active tab', async () => {
    const other = setup(7);
    await other.handle('_execute_action');
    expect(other.sent).toEqual([]);
    const none = setup(undefined);
    await none.handle(TOGGLE_SIDEBAR);
    expect(none.sent).toEqual([]);
  });

  it('stays quiet on a tab that is not Gladly (no content script answers)', async () => {
    const { handle, sent } = setup(3, async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(handle(TOGGLE_SIDEBAR)).resolves.toBeUndefined();
    expect(sent).toHaveLength(1);
  });

  it('is the command the manifest declares, on Alt+Shift+B', async () => {
    const config = (await import('../../../wxt.config')).default as {
      manifest: (env: { browser: string }) => { commands: Record<string, { suggested_key: { default: string } }> };
    };
    const manifest = typeof config.manifest === 'function' ? config.manifest({ browser: 'chrome' }) : config.manifest;
    expect(manifest.commands[TOGGLE_SIDEBAR]?.suggested_key.default).toBe('Alt+Shift+B');
  });
});
