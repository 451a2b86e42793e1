/**
 * Content wider than the panel scrolls sideways in its own box: a table goes into a
 * `div.hl-article__table` (on a phone its columns would otherwise squeeze until words break letter
 * by letter; the table keeps its display, so screen readers still treat it as a table), and that box
 * and each `pre` take focus, so the keyboard can scroll them where the browser does not make
 * scrollers focusable by itself (Safari).
 */
export function sideScrollers(body: DocumentFragment, doc: Document): DocumentFragment {
  for (const table of body.querySelectorAll('table')) {
    const scroller = doc.createElement('div');
    scroller.className = 'hl-article__table';
    table.replaceWith(scroller);
    scroller.append(table);
  }
  for (const scroller of body.querySelectorAll<HTMLElement>('.hl-article__table, pre')) scroller.tabIndex = 0;
  return body;
}
