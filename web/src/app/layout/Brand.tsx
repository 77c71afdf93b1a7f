// The Forecourt mark and name at the top of the sidebar and on the login page.
import { useTranslation } from 'react-i18next';

export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#1f5fb4" />
      <path d="M9 23V9h13v3.2h-9.3v2.6h8v3.2h-8V23H9z" fill="#ffffff" />
      <circle cx="23" cy="21.5" r="2.2" fill="#7fb2f0" />
    </svg>
  );
}

export function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`brand ${collapsed ? 'brand-collapsed' : ''}`}>
      <BrandMark />
      {!collapsed && (
        <div className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.shortTagline')}</span>
        </div>
      )}
    </div>
  );
}
