/** The spreadsheet grid used by every table: `<Grid>` and its contract (see types.ts). */
export { default as Grid } from './Grid.svelte';
export { defaultViewState } from './types';
export { restoreWorkingView, storeWorkingView } from './working-view';
export type { CellEdit, GridColumn, GridColumnsEditor, GridCommit, GridHighlight, GridProps, GridSavedView, ViewState } from './types';
