/** The sample generator's folder: its program/ holds the national programs' descriptions (init and template use them). */
export const NATIONAL_PROGRAMS = import.meta.dirname;
