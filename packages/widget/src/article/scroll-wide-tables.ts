/**
 * Puts each table of an article in its own sideways scroller (`hl-article__table`): on a phone a
 * wide table then scrolls instead of squeezing its columns until words break letter by letter. The
 * table itself keeps its display, so screen readers still treat it as a table.
 */
export function scrollWideTables(body: DocumentFragment, doc: Document): DocumentFragment {
  for (const table of body.querySelectorAll('table')) {
    const scroller = doc.createElement('div');
    scroller.className = 'hl-article__table';
    table.replaceWith(scroller);
    scroller.append(table);
  }
  return body;
}
