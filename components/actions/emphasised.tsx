/**
 * A translated sentence with one part in <strong> (the amount, the code): the catalog's sentence
 * is asked for with MARK where that part goes, so each language keeps its own word order.
 */
export const MARK = '\u0001';

export function Emphasised({ text, strong, class: className }: { text: string; strong: string; class?: string }) {
  const [before = '', after = ''] = text.split(MARK);
  return (
    <>
      {before}
      <strong class={className}>{strong}</strong>
      {after}
    </>
  );
}
