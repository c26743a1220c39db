/**
 * The dev server's problem banner (browser only; added to pages by ./index.ts in `astro dev`,
 * never in a build). It asks the dev server for the current content problems when the page loads
 * and takes every later list from Vite's HMR connection, so it appears, changes and disappears
 * while the author edits, without a reload.
 */
import { DEV_PROBLEMS_EVENT, DEV_PROBLEMS_PATH, type DevProblemList } from '../../lib/dev-problems';
import './banner.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Whether this page is the dev server's answer to an address it has no page for. */
function pageNotFound(): boolean {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation?.responseStatus === 404;
}

class DevProblemsBanner extends HTMLElement {
  #shown = 0;

  connectedCallback() {
    if (this.#shown === 0) this.hidden = true;
  }

  /** Shows `list` unless a newer one is already shown (the fetch and an HMR event can cross). */
  show(list: DevProblemList) {
    if (list.version < this.#shown) return;
    this.#shown = list.version;
    this.replaceChildren();
    const here = list.files.find((f) => f.page === location.pathname);
    const errors = list.files.filter((f) => f.problems.some((p) => p.severity === 'error'));
    this.hidden = list.files.length === 0;
    if (this.hidden) return;
    this.dataset['severity'] = errors.length > 0 ? 'error' : 'warning';

    // Errors are announced as they appear; warnings alone are a quieter status.
    const region = element('div', undefined, 'dev-problems__region');
    region.setAttribute('role', errors.length > 0 ? 'alert' : 'status');
    const summary = [
      list.errors > 0 ? plural(list.errors, 'content error') : '',
      list.warnings > 0 ? plural(list.warnings, 'warning') : '',
    ].filter(Boolean);
    const heading = element('p', undefined, 'dev-problems__heading');
    heading.append(
      element('strong', summary.join(', ')),
      list.errors > 0 ? ': a build would stop here.' : ': a build would list them.',
    );
    region.append(heading);
    if (here?.stale) {
      region.append(
        element(
          'p',
          // A guide refused when the server started, with no earlier version to show, has no page.
          pageNotFound()
            ? `This guide has no page yet: ${here.file} has errors in its front matter.`
            : `This page is out of date: it shows the last version of ${here.file} without errors in its front matter, not the file as it is now.`,
          'dev-problems__stale',
        ),
      );
    } else if (list.files.some((f) => f.stale)) {
      region.append(element('p', 'Pages of guides with front-matter errors show their last version without them.'));
    }
    const problems = element('ul', undefined, 'dev-problems__list');
    for (const file of list.files) {
      for (const problem of file.problems) {
        const item = element('li', undefined, `dev-problems__${problem.severity}`);
        item.append(element('span', `${problem.severity}: `, 'dev-problems__severity'), element('code', problem.text));
        problems.append(item);
      }
    }
    // Long lists of warnings are folded away so errors stay in view.
    if (errors.length === 0 && list.warnings > 3) {
      const details = element('details');
      details.append(element('summary', `Show ${plural(list.warnings, 'warning')}`), problems);
      region.append(details);
    } else {
      region.append(problems);
    }
    this.append(region);
  }
}

customElements.define('dev-problems-banner', DevProblemsBanner);
const banner = new DevProblemsBanner();
document.body.prepend(banner);

void fetch(DEV_PROBLEMS_PATH, { cache: 'no-store' })
  .then((response) => (response.ok ? (response.json() as Promise<DevProblemList>) : undefined))
  .then((list) => list && banner.show(list));
import.meta.hot?.on(DEV_PROBLEMS_EVENT, (list: DevProblemList) => banner.show(list));
