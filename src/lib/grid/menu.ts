/** An entry of a grid menu (column menu, context menu, toolbar menus). */
export interface MenuItem {
  label: string;
  run: () => void;
  /** a checkbox item (menuitemcheckbox) when defined */
  checked?: boolean;
  disabled?: boolean;
  danger?: boolean;
  /** stay open after running (checkbox lists) */
  keepOpen?: boolean;
  /** draw a separator above this item */
  separator?: boolean;
}
