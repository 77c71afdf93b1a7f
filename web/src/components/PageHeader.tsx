// The title row of every page: title, optional subtitle, actions on the right (wrapping below
// the title on a phone).
import { Breadcrumb, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  title: string;
  to?: string;
}

export function PageHeader({
  title,
  subtitle,
  extra,
  crumbs,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  crumbs?: Crumb[];
}) {
  return (
    <div className="page-header">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb
          className="page-header-crumbs"
          items={crumbs.map((crumb) => ({
            title: crumb.to ? <Link to={crumb.to}>{crumb.title}</Link> : crumb.title,
          }))}
        />
      )}
      <div className="page-header-row">
        <div className="page-header-text">
          <Typography.Title level={3} className="page-header-title">
            {title}
          </Typography.Title>
          {subtitle && (
            <Typography.Text type="secondary" className="page-header-subtitle">
              {subtitle}
            </Typography.Text>
          )}
        </div>
        {extra && <div className="page-header-extra">{extra}</div>}
      </div>
    </div>
  );
}
