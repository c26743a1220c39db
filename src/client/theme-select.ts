/**
 * <theme-select>: stores the reader's theme choice and applies it to <html data-theme>. The
 * inline script in BaseLayout applies a stored choice before first paint; this element only
 * handles changes. "System" removes the attribute so CSS follows prefers-color-scheme.
 */
const STORAGE_KEY = 'greenpath-theme';
type Choice = 'auto' | 'light' | 'dark';

function readChoice(): Choice {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'auto';
  } catch {
    return 'auto';
  }
}

function applyChoice(choice: Choice): void {
  if (choice === 'auto') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = choice;
  try {
    if (choice === 'auto') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Storage can be blocked; the choice then lasts for this page only.
  }
}

class ThemeSelect extends HTMLElement {
  connectedCallback(): void {
    const select = this.querySelector('select');
    if (!select) return;
    select.value = readChoice();
    select.disabled = false;
    select.addEventListener('change', () => applyChoice(select.value as Choice));
  }
}

if (!customElements.get('theme-select')) customElements.define('theme-select', ThemeSelect);
