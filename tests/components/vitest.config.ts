// Component tests compile .astro files, so they run through Astro's own Vite config.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    name: 'components',
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/components/**/*.test.ts'],
    environment: 'node',
  },
});
