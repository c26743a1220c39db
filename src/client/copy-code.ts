/**
 * <copy-code>: the copy button on each code block (the markup comes from
 * src/markdown/rehype-guide-html.ts). Copies the block's text, says so in the button and to
 * screen readers, and stays disabled where the Clipboard API is missing.
 */
class CopyCode extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const code = this.closest('.code-block')?.querySelector('pre code');
    if (!button || !code || !navigator.clipboard) return;
    const label = button.textContent ?? '';
    const { copied = '', failed = '' } = this.dataset;
    button.disabled = false;
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches its own errors.
    button.addEventListener('click', async () => {
      let message = copied;
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
      } catch {
        message = failed;
      }
      button.textContent = message;
      button.setAttribute('aria-live', 'polite');
      window.setTimeout(() => {
        button.textContent = label;
        button.removeAttribute('aria-live');
      }, 2000);
    });
  }
}

if (!customElements.get('copy-code')) customElements.define('copy-code', CopyCode);
