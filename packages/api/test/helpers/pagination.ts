/** Walks a cursor-paginated list to the end; `between` runs after each page (e.g. to insert rows). */
export async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  between?: (pageIndex: number) => Promise<unknown>,
) {
  const pages: T[][] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await fetchPage(cursor);
    pages.push(page.items);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
    if (between) await between(pages.length);
  }
  throw new Error('pagination did not terminate');
}
