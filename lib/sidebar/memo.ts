import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

/**
 * A component that re-renders only when one of its props changed (===, shallow): preact/compat's
 * `memo` without the rest of compat (see use-store.ts).
 */
export function memo<P extends object>(Inner: FunctionComponent<P>): ComponentType<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return propsDiffer(this.props, next);
    }
    override render() {
      return h(Inner, this.props);
    }
  }
  return Memo;
}

function propsDiffer(a: object, b: object): boolean {
  const before = a as Record<string, unknown>;
  const after = b as Record<string, unknown>;
  for (const key in before) if (!(key in after)) return true;
  for (const key in after) if (!Object.is(before[key], after[key])) return true;
  return false;
}
