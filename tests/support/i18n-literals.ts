/**
 * The literal scanner of tests/unit/i18n-literals.test.ts: literal strings a component shows a
 * user, found with a real parser (Babel's, with its TypeScript and JSX plugins: the project's
 * TypeScript 7 has no JavaScript API). Reported:
 *  - JSX text with letters (`<p>Loading…</p>`),
 *  - string literals in user-visible attributes (title, aria-label, placeholder, alt, label, and
 *    the options page's Field `hint`), also inside `{cond ? 'a' : 'b'}` and template literals,
 *  - string literals in JSX children's expressions (`{x || 'not set'}`),
 *  - string literals passed to confirm() / alert().
 * A call's own arguments are not words (`i18n.t('stores.intro')` is a key), nor is text in
 * <code> or <kbd>. What is not language is allowed: no letters, brand names alone, code-like
 * tokens (URLs, paths, scope names): see ALLOWED and isCodeLike.
 */
import { parse } from '@babel/parser';

/** Folders still being translated: skipped until their branch lands (then this list is empty). */
export const PENDING_DIRS: readonly string[] = [];

/** Words that are the same in every language: product names, alone. */
const ALLOWED = new Set(['BigCommerce', 'Gladly', 'CSV']);

/** Attributes a user reads (or hears): their literal values must come from the catalog. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'hint']);

/** Elements whose text is code the user types or reads as is (a URL, a key combination). */
const CODE_ELEMENTS = new Set(['code', 'kbd']);

/** A URL, a path, an identifier (`store_v2_orders`, `https://acme.gladly.com`): no words in it. */
function isCodeLike(text: string): boolean {
  return !/\s/.test(text) && /[:/_.@]/.test(text);
}

function isLanguage(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(trimmed)) return false;
  return !ALLOWED.has(trimmed) && !isCodeLike(trimmed);
}

export interface Literal {
  line: number;
  text: string;
  where: string;
}

/** A Babel AST node, read loosely: a type, a position and child nodes under any key. */
type AstNode = { type: string; loc?: { start: { line: number } } | null } & Record<string, unknown>;

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

function childrenOf(node: AstNode): AstNode[] {
  return Object.entries(node)
    .filter(([key]) => key !== 'loc' && !key.endsWith('Comments'))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .filter(isNode);
}

/** `<code>` → "code"; a member or namespaced name as written. */
function tagOf(element: AstNode | undefined): string {
  if (element?.type !== 'JSXElement') return '';
  const name = (element.openingElement as AstNode).name as AstNode;
  return name.type === 'JSXIdentifier' ? String(name.name) : '';
}

/** `confirm`, `window.confirm`, `globalThis.confirm?.` → "confirm". */
function calleeName(callee: AstNode): string {
  if (callee.type === 'Identifier') return String(callee.name);
  if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && isNode(callee.property))
    return callee.property.type === 'Identifier' ? String(callee.property.name) : '';
  return '';
}

/** Literal strings that reach the user, in one .tsx file's source. */
export function findLiterals(source: string): Literal[] {
  const file = parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'] }) as unknown as AstNode;
  const found: Literal[] = [];
  const report = (node: AstNode, text: string, where: string) => {
    if (isLanguage(text)) found.push({ line: node.loc?.start.line ?? 0, text: text.trim(), where });
  };

  /** The string pieces of an expression a user sees (not a call's arguments: those are keys or data). */
  const strings = (node: AstNode, where: string): void => {
    switch (node.type) {
      case 'StringLiteral':
        report(node, String(node.value), where);
        return;
      case 'TemplateLiteral':
        for (const quasi of node.quasis as AstNode[])
          report(quasi, String((quasi.value as { cooked: string }).cooked), where);
        for (const expression of node.expressions as AstNode[]) strings(expression, where);
        return;
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'JSXElement':
      case 'JSXFragment':
        return; // a call's arguments are its business; nested JSX is visited on its own
      case 'BinaryExpression':
        return; // `x === 'open'` compares, it does not show
      case 'ConditionalExpression':
        strings(node.consequent as AstNode, where);
        strings(node.alternate as AstNode, where);
        return;
      default:
        for (const child of childrenOf(node)) strings(child, where);
    }
  };

  const visit = (node: AstNode, parent: AstNode | undefined): void => {
    if (node.type === 'JSXText') {
      if (!CODE_ELEMENTS.has(tagOf(parent))) report(node, String(node.value), 'JSX text');
    } else if (node.type === 'JSXExpressionContainer' && parent?.type === 'JSXElement') {
      if (!CODE_ELEMENTS.has(tagOf(parent)) && isNode(node.expression)) strings(node.expression, 'JSX child');
    } else if (node.type === 'JSXAttribute' && isNode(node.value)) {
      const name = node.name as AstNode;
      if (name.type === 'JSXIdentifier' && VISIBLE_ATTRIBUTES.has(String(name.name)))
        strings(node.value, `${String(name.name)}=`);
    } else if ((node.type === 'CallExpression' || node.type === 'OptionalCallExpression') && isNode(node.callee)) {
      const name = calleeName(node.callee);
      if (name === 'confirm' || name === 'alert')
        for (const arg of node.arguments as AstNode[]) strings(arg, `${name}()`);
    }
    for (const child of childrenOf(node)) visit(child, node);
  };
  visit(file, undefined);
  return found;
}
