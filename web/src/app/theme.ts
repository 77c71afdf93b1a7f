// The look of Forecourt: a calm, professional palette on Ant Design's tokens.
import type { ThemeConfig } from 'antd';

export const BRAND = {
  primary: '#1f5fb4',
  ink: '#1c2434',
  muted: '#5b6579',
  canvas: '#f4f6f9',
  border: '#e4e8ef',
  siderBg: '#ffffff',
} as const;

export const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

/** The top bar's height: sticky table headers sit just below it. */
export const APP_HEADER_HEIGHT = 56;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.primary,
    colorInfo: BRAND.primary,
    colorSuccess: '#2e8b57',
    colorWarning: '#d48806',
    colorError: '#cf3a3a',
    colorTextBase: BRAND.ink,
    colorBgLayout: BRAND.canvas,
    colorBorderSecondary: BRAND.border,
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: APP_HEADER_HEIGHT,
      headerPadding: '0 16px',
      siderBg: BRAND.siderBg,
      bodyBg: BRAND.canvas,
    },
    Menu: {
      itemBorderRadius: 6,
      itemMarginInline: 8,
      itemSelectedBg: '#e9f1fb',
      itemSelectedColor: BRAND.primary,
      subMenuItemBg: 'transparent',
    },
    Table: {
      headerBg: '#f7f9fc',
      headerColor: BRAND.muted,
      rowHoverBg: '#f5f8fd',
    },
    Card: { headerFontSize: 15 },
  },
};
