// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { insertIntoReplyBox } from '../../../lib/gladly/reply-box';
import { DEFAULT_SELECTORS } from '../../../lib/gladly/selectors';

afterEach(() => {
  document.body.innerHTML = '';
});

describe("putting text into Gladly's reply box", () => {
  it('inserts at the caret of a textarea composer and tells the page it changed', () => {
    document.body.innerHTML = '<div data-aid="reply-composer"><textarea>Hello , thanks</textarea></div>';
    const box = document.querySelector('textarea')!;
    box.setSelectionRange(6, 6);
    let inputs = 0;
    box.addEventListener('input', () => inputs++);
    expect(insertIntoReplyBox(document, DEFAULT_SELECTORS.replyBox, 'SAVE10')).toBe(true);
    expect(box.value).toBe('Hello SAVE10, thanks');
    expect(inputs).toBe(1);
  });

  it('says so when there is no reply box, or the admin selector is not valid CSS', () => {
    document.body.innerHTML = '<main role="log">Customer wrote: hi</main>';
    expect(insertIntoReplyBox(document, DEFAULT_SELECTORS.replyBox, 'SAVE10')).toBe(false);
    expect(insertIntoReplyBox(document, '[[not css', 'SAVE10')).toBe(false);
    expect(document.body.textContent).not.toContain('SAVE10');
  });
});
