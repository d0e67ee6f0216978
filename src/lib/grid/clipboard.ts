/**
 * Clipboard formats spoken by Excel and WPS: TSV in text/plain (a cell with a tab, newline or
 * quote is quoted, quotes doubled) and an HTML `<table>` in text/html. Reading prefers the HTML
 * table (it keeps cell boundaries exactly), else parses the TSV with papaparse.
 */
import Papa from 'papaparse';

const NEEDS_QUOTES = /[\t\n\r"]/;

export function encodeTsv(cells: readonly (readonly string[])[]): string {
  return cells.map((row) => row.map((v) => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join('\t')).join('\r\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function encodeHtml(cells: readonly (readonly string[])[]): string {
  const body = cells
    .map(
      (row) => '<tr>' + row.map((v) => `<td>${escapeHtml(v).replace(/\r?\n/g, '<br style="mso-data-placement:same-cell">')}</td>`).join('') + '</tr>'
    )
    .join('');
  return `<meta charset="utf-8"><table><tbody>${body}</tbody></table>`;
}

/** Drop the empty last line that Excel adds after the last row. */
function trimTrailingEmpty(rows: string[][]): string[][] {
  while (rows.length > 0) {
    const last = rows[rows.length - 1];
    if (last.length === 0 || (last.length === 1 && last[0] === '')) rows.pop();
    else break;
  }
  return rows;
}

export function decodeTsv(text: string): string[][] {
  if (text === '') return [];
  const result = Papa.parse<string[]>(text, { delimiter: '\t', quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
  if (result.errors.some((e) => e.type === 'Quotes')) {
    // not spreadsheet output (a stray quote in plain text): split literally
    return trimTrailingEmpty(
      text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => line.split('\t'))
    );
  }
  return trimTrailingEmpty(result.data.map((row) => row.map((v) => v.replace(/\r\n?/g, '\n'))));
}

const BREAK = '\u2028';

function cellText(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  for (const br of Array.from(copy.querySelectorAll('br'))) br.replaceWith(BREAK);
  for (const block of Array.from(copy.querySelectorAll('p, div'))) block.append(BREAK);
  const text = (copy.textContent ?? '').replace(/\u00a0/g, ' ').replace(/[ \t\r\n\f]+/g, ' ');
  return text
    .split(BREAK)
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n+$/, '');
}

/** The first `<table>` of an HTML fragment as rows of text, or null when there is none. */
export function decodeHtmlTable(html: string, parser?: { parseFromString(s: string, type: 'text/html'): Document }): string[][] | null {
  if (!/<table[\s>]/i.test(html)) return null;
  const doc = (parser ?? new DOMParser()).parseFromString(html, 'text/html');
  const table = doc.querySelector('table');
  if (!table) return null;
  const out: string[][] = [];
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    if (tr.closest('table') !== table) continue;
    const row: string[] = [];
    for (const cell of Array.from(tr.children)) {
      if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
      row.push(cellText(cell));
      const span = Math.min(100, Number(cell.getAttribute('colspan') ?? '1') || 1);
      for (let i = 1; i < span; i++) row.push('');
    }
    out.push(row);
  }
  return out.length ? out : null;
}

/** What a paste event carries, as rows of cell texts. */
export function readClipboard(data: Pick<DataTransfer, 'getData'>): string[][] {
  const html = data.getData('text/html');
  if (html) {
    const table = decodeHtmlTable(html);
    if (table) return table;
  }
  return decodeTsv(data.getData('text/plain'));
}

export function writeClipboard(data: Pick<DataTransfer, 'setData'>, cells: readonly (readonly string[])[]): void {
  data.setData('text/plain', encodeTsv(cells));
  data.setData('text/html', encodeHtml(cells));
}
