/** Pagefind's browser bundle, written into the site after the pages are rendered. */
declare module '/pagefind/pagefind.js';
