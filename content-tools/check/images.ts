/**
 * Images without a text alternative: a body image with empty alt text, an HTML `<img>` without
 * `alt`, a hero `image` without `image_alt`. Warnings: the page still works, but not for everyone.
 * An image that is purely decorative can say so with `alt=""` in HTML. Pure.
 */
import type { Diagnostic } from '../../src/schemas/errors';
import { diagnostic, type GuideRecord } from './types';

export function imageAltDiagnostics(guide: GuideRecord): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const link of guide.analysis.links) {
    if (link.kind === 'image' && (link.alt ?? '').trim() === '') {
      out.push(
        diagnostic(
          guide,
          link,
          'warning',
          'image-alt',
          `image ${link.url} has no alt text; describe it in ![…](${link.url})`,
        ),
      );
    }
    if (link.kind === 'html-image' && link.alt === undefined) {
      out.push(
        diagnostic(
          guide,
          link,
          'warning',
          'image-alt',
          `<img src="${link.url}"> has no alt attribute; describe it, or write alt="" if it is decoration`,
        ),
      );
    }
  }
  const data = guide.parsed.data;
  const alt = data['image_alt'];
  if (typeof data['image'] === 'string' && (typeof alt !== 'string' || alt.trim() === '')) {
    out.push(
      diagnostic(
        guide,
        guide.parsed.locate(['image']),
        'warning',
        'image-alt',
        'image: the hero image has no image_alt; add one line saying what it shows',
        'image_alt',
      ),
    );
  }
  return out;
}
