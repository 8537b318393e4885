/** The site's base path as served (`/` or e.g. `/terang/`), from the build (Astro's `base`). */
export const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
