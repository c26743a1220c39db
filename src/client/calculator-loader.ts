/**
 * What a page with a calculator loads up front: a few hundred bytes that enable the
 * server-rendered controls (native inputs work at once) and, on the reader's first touch,
 * insert the calculator's code from its inert <template> (see CalculatorCode.astro), so the
 * browser fetches the arithmetic only when it is used. Until then the worked example rendered on
 * the server stands. The template, rather than import(), keeps Vite's preload helper out of
 * the page, as SearchDialogCode.astro does for search.
 */
const TRIGGERS = ['focusin', 'pointerdown', 'input', 'change'] as const;

/** The control the reader changed before the code arrived, for the calculator to act on. */
export interface PendingChange {
  pendingChange?: EventTarget | null;
}

function enableControls(root: HTMLElement): void {
  for (const control of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
    control.disabled = false;
  }
  for (const note of root.querySelectorAll<HTMLElement>('[data-nojs]')) note.hidden = true;
}

function insertCode(name: string): void {
  const template = document.querySelector<HTMLTemplateElement>(`template[data-calculator-code="${name}"]`);
  if (!template) return;
  document.head.append(template.content.cloneNode(true));
  template.remove();
}

for (const root of document.querySelectorAll<HTMLElement & PendingChange>('[data-calculator]')) {
  enableControls(root);
  const load = (event: Event): void => {
    for (const type of TRIGGERS) root.removeEventListener(type, load);
    root.pendingChange = event.type === 'input' || event.type === 'change' ? event.target : null;
    insertCode(root.localName);
  };
  for (const type of TRIGGERS) root.addEventListener(type, load);
}
