/**
 * Puts text into Gladly's reply box at the caret, the way typing would, so Gladly's own editor
 * (React) notices the change. Used for a discount code the agent wants to send.
 */
export function insertIntoReplyBox(doc: Document, selector: string, text: string): boolean {
  let box: HTMLElement | null = null;
  try {
    box = doc.querySelector<HTMLElement>(selector);
  } catch {
    return false; // an admin's selector that is not valid CSS
  }
  if (!box) return false;
  box.focus();
  if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) {
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? box.value.length;
    box.setRangeText(text, start, end, 'end');
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return true;
  }
  // contenteditable: execCommand keeps the editor's undo stack and fires its input events.
  const selection = doc.getSelection();
  if (selection && !box.contains(selection.anchorNode)) {
    const range = doc.createRange();
    range.selectNodeContents(box);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  if (doc.execCommand?.('insertText', false, text)) return true;
  box.append(doc.createTextNode(text));
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}
