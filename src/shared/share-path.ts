/** Where a page's share image lives: `/pmks/` → `/og/pmks.png`, `/` → `/og/index.png`, `/en/` → `/og/en.png`. */
export const shareImagePath = (pagePath: string): string => `/og/${pagePath.replace(/^\/|\/$/g, '') || 'index'}.png`;
