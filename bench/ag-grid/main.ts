/**
 * The baseline for the grid benchmarks: AG Grid Community with its default theme, showing what
 * our /dev/grid page shows (src/dev-routes/grid/data.ts): the seeded demo customers cut down to
 * their 15 most common fields, the same column order, headers, widths and cell texts (choice
 * labels, staff and org unit names for links, formatted with the app's own `formatCell`), 32 px
 * rows.
 *
 * Query: `n` rows (default 100 000); `w`/`h` the grid's size in px (default: the whole window),
 * so that both grids show the same number of rows and columns.
 *
 * Marks, as on /dev/grid: `window.__gridReady` when the rows exist (before the grid is made),
 * `window.__gridPainted` once the first rows are rendered and a frame has been painted.
 */
// the column headers are the app's words: both languages' tables, installed before any translate
import '../../src/lib/i18n/all-messages';
import { AllCommunityModule, createGrid, ModuleRegistry, type ColDef } from 'ag-grid-community';
import { formatCell } from '../../src/lib/domain/cells';
import { demoRowsAndColumns, type Row } from '../../src/dev-routes/grid/demo-dataset';

declare global {
  interface Window {
    __gridReady?: number;
    __gridPainted?: number;
  }
}

ModuleRegistry.registerModules([AllCommunityModule]);

const LOCALE = 'zh-CN';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 100_000);
const host = document.getElementById('grid')!;
if (params.get('w')) host.style.width = `${Number(params.get('w'))}px`;
if (params.get('h')) host.style.height = `${Number(params.get('h'))}px`;

const { rows: rowData, columns } = demoRowsAndColumns(n);
const columnDefs: ColDef<Row>[] = columns(LOCALE).map((c) => ({
  field: c.key,
  headerName: c.label,
  width: c.width,
  valueFormatter: (p) => formatCell(c.spec, p.value)
}));

window.__gridReady = performance.now();
createGrid(host, {
  columnDefs,
  rowData,
  rowHeight: 32,
  getRowId: (p) => p.data.id,
  onFirstDataRendered: () => {
    requestAnimationFrame(() => {
      setTimeout(() => {
        window.__gridPainted = performance.now();
      }, 0);
    });
  }
});
