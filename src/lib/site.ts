/** Site-wide facts shown in the chrome and the head. */
export const SITE = {
  name: 'Greenpath',
  tagline: 'Practical guides to greener software, AI, web and cloud work.',
  description:
    'Greenpath is a library of practical, sourced guides for cutting the energy use and emissions of software, AI, web and cloud work.',
  lang: 'en',
} as const;
