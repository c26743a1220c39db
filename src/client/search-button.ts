/**
 * <search-button>: the header's way into search, on every page. Without JavaScript it is a link
 * to /search/; once upgraded, a button (and `/` or Ctrl/⌘+K) opens the search dialog, whose
 * focus returns to the button when it closes. This is the only search code a page loads up
 * front. The dialog's code waits, inert, in a <template> (SearchDialogCode.astro) and is
 * inserted when the button is hovered, focused or used; Pagefind itself loads only when the
 * dialog's search box gets focus. On the search page the same keys go to that page's search box.
 */
function loadDialogCode(): void {
  const template = document.querySelector<HTMLTemplateElement>('template[data-search-dialog-code]');
  if (!template) return;
  document.head.append(template.content.cloneNode(true));
  template.remove();
}

/**
 * Opens the dialog at once, before its code has loaded, so that nothing typed right after `/`
 * is lost; the code then searches for whatever the box holds.
 */
function open(button: HTMLButtonElement): void {
  const pageBox = document.querySelector<HTMLInputElement>('search-page input[type="search"]');
  const dialog = document.querySelector<HTMLDialogElement>('search-dialog dialog');
  const box = pageBox ?? dialog?.querySelector('input');
  if (!pageBox && dialog && !dialog.open) {
    loadDialogCode();
    dialog.showModal();
    dialog.addEventListener('close', () => button.focus(), { once: true });
  }
  box?.focus();
  box?.select();
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.matches('input, textarea, select, [role="textbox"]'))
  );
}

class SearchButton extends HTMLElement {
  connectedCallback(): void {
    const link = this.querySelector('a');
    const button = this.querySelector('button');
    if (!link || !button) return;
    link.hidden = true;
    button.hidden = false;
    button.addEventListener('pointerenter', loadDialogCode, { once: true });
    button.addEventListener('focus', loadDialogCode, { once: true });
    button.addEventListener('click', () => open(button));
    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.altKey) return;
      const modified = event.ctrlKey || event.metaKey;
      const shortcut = modified && event.key.toLowerCase() === 'k';
      const slash = !modified && event.key === '/' && !isTyping(event.target);
      if (!shortcut && !slash) return;
      event.preventDefault();
      open(button);
    });
  }
}

if (!customElements.get('search-button')) customElements.define('search-button', SearchButton);
