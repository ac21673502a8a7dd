/**
 * The sidebar's own Preact bindings (lib/sidebar/use-store.ts, lib/sidebar/memo.ts), which stand
 * in for preact/compat's useSyncExternalStore and memo: what re-renders, and what does not.
 */
import { act, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { memo } from '../../../lib/sidebar/memo';
import type { SidebarState, SidebarStore } from '../../../lib/sidebar/store';
import { useSidebarStore } from '../../../lib/sidebar/use-store';

interface Counts {
  shown: number;
  other: number;
}

function countsStore() {
  const store = createStore<Counts>(() => ({ shown: 1, other: 1 }));
  return { store, sidebarStore: store as unknown as SidebarStore };
}
const pick = (state: SidebarState) => (state as unknown as Counts).shown;

/** A component showing the store's `shown` slice, and how often it rendered. */
function shownView(sidebarStore: SidebarStore) {
  const counter = { renders: 0 };
  function Shown() {
    counter.renders += 1;
    return <p>shown {useSidebarStore(sidebarStore, pick)}</p>;
  }
  return { Shown, counter };
}

describe('useSidebarStore', () => {
  it('re-renders when its slice changes, and not when another slice does', () => {
    const { store, sidebarStore } = countsStore();
    const { Shown, counter } = shownView(sidebarStore);
    render(<Shown />);
    expect(screen.getByText('shown 1')).toBeTruthy();
    expect(counter.renders).toBe(1);

    act(() => store.setState({ other: 2 }));
    expect(counter.renders).toBe(1);

    act(() => store.setState({ shown: 2 }));
    expect(screen.getByText('shown 2')).toBeTruthy();
    expect(counter.renders).toBe(2);
  });

  it('shows a change made after its render but before it subscribed', () => {
    const { store, sidebarStore } = countsStore();
    const { Shown } = shownView(sidebarStore);
    // A sibling rendered later changes the store in its own render, before Shown's effect runs.
    function Changer() {
      if (store.getState().shown === 1) store.setState({ shown: 5 });
      return null;
    }
    render(
      <>
        <Shown />
        <Changer />
      </>,
    );
    expect(screen.getByText('shown 5')).toBeTruthy();
  });

  it('stops listening once unmounted', () => {
    const { store, sidebarStore } = countsStore();
    const { Shown, counter } = shownView(sidebarStore);
    const view = render(<Shown />);
    view.unmount();
    act(() => store.setState({ shown: 3 }));
    expect(counter.renders).toBe(1);
  });
});

describe('memo', () => {
  it('re-renders the component only when a prop changed', () => {
    let renders = 0;
    const Row = memo(({ label, tone }: { label: string; tone: { name: string } }) => {
      renders += 1;
      return (
        <p>
          {label} {tone.name}
        </p>
      );
    });
    const tone = { name: 'green' };
    const view = render(<Row label="a" tone={tone} />);
    view.rerender(<Row label="a" tone={tone} />);
    expect(renders).toBe(1);

    view.rerender(<Row label="b" tone={tone} />);
    expect(screen.getByText('b green')).toBeTruthy();
    expect(renders).toBe(2);

    // A new object with the same contents is a change (===, as preact/compat's memo).
    view.rerender(<Row label="b" tone={{ name: 'green' }} />);
    expect(renders).toBe(3);
  });
});
