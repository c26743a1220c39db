/**
 * The one inline script of the site: it applies a stored theme choice before first paint, so the
 * wrong theme never flashes (BaseLayout renders it with `is:inline`). It is kept here as a string
 * so that the Content-Security-Policy can allow exactly this text by its hash
 * (src/integrations/finish-pages/security-policy.ts); change it and the hash follows. Without a stored choice the page
 * follows the system theme through CSS alone. The storage key is the one src/client/theme-select.ts uses.
 */
export const THEME_BOOT_SCRIPT =
  "try{const t=localStorage.getItem('greenpath-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
