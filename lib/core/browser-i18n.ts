/**
 * The browser's own `i18n.getMessage` where there is one (extension pages, the worker), else null
 * (Node, tests). Apart from lib/core/i18n.ts so a page can ask it without bundling the English catalog.
 */
type GetMessage = (name: string, substitutions?: string[]) => string;

export function browserGetMessage(): GetMessage | null {
  const scope = globalThis as { browser?: { i18n?: { getMessage?: GetMessage } }; chrome?: typeof scope.browser };
  const api = (scope.browser ?? scope.chrome)?.i18n;
  return typeof api?.getMessage === 'function' ? api.getMessage.bind(api) : null;
}
