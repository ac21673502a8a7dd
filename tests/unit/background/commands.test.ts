import { describe, expect, it } from 'vitest';
import { createCommandHandler, createToolbarHandler, TOGGLE_SIDEBAR } from '../../../lib/background/commands';

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

  // Alt+Shift+B was the default until a fresh Chromium profile showed it unassigned: Chromium keeps
  // it for "focus the bookmarks bar" (tests/e2e/toolbar.test.ts reads what a fresh profile assigns).
  it('is the command the manifest declares, on Alt+Shift+G', async () => {
    const config = (await import('../../../wxt.config')).default as {
      manifest: (env: { browser: string }) => { commands: Record<string, { suggested_key: { default: string } }> };
    };
    const manifest = typeof config.manifest === 'function' ? config.manifest({ browser: 'chrome' }) : config.manifest;
    expect(manifest.commands[TOGGLE_SIDEBAR]?.suggested_key.default).toBe('Alt+Shift+G');
  });
});

describe('the toolbar button', () => {
  function toolbar(answer: (tabId: number) => Promise<unknown>) {
    const calls: string[] = [];
    const click = createToolbarHandler({
      sendToTab: async (tabId, message) => {
        calls.push(`${message.type} → tab ${tabId}`);
        return answer(tabId);
      },
      openOptions: async () => {
        calls.push('options');
      },
    });
    return { click, calls };
  }

  it('on a Gladly tab toggles the sidebar and opens nothing', async () => {
    const { click, calls } = toolbar(async () => ({ toggled: true }));
    await click({ id: 5 });
    expect(calls).toEqual(['sidebar/toggle → tab 5']);
  });

  it('on a tab without our content script opens the options page', async () => {
    const { click, calls } = toolbar(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await click({ id: 5 });
    expect(calls).toEqual(['sidebar/toggle → tab 5', 'options']);
  });

  it('on a Gladly page without a sidebar (help pages), or an unexpected answer, opens the options page', async () => {
    for (const reply of [{ toggled: false }, undefined, 'yes', { toggled: 'true' }]) {
      const { click, calls } = toolbar(async () => reply);
      await click({ id: 9 });
      expect(calls, JSON.stringify(reply)).toEqual(['sidebar/toggle → tab 9', 'options']);
    }
  });

  it('on a tab the browser gives no id (devtools) opens the options page', async () => {
    const { click, calls } = toolbar(async () => ({ toggled: true }));
    await click({});
    expect(calls).toEqual(['options']);
  });
});
