import { Grid } from 'antd';

/** Phone width (below 768 px): lists become cards, forms one column, the menu a drawer. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
