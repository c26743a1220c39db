/** Percent-decoding that never throws. Pure: runs in Node and in the browser. */

/**
 * `decodeURIComponent`, or the text as written when it is not valid percent-encoding (`100%.png`,
 * a cut `%E2%82`): authors' links and readers' URLs are input, and a lone `%` must not crash
 * a build, a check or a server with a bare "URI malformed".
 */
export function safeDecodeURIComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
