import { Spin } from 'antd';

/** Shown while a page or the session loads. */
export function PageSpinner({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        minHeight: fullScreen ? '100vh' : 320,
      }}
    >
      <Spin size="large" />
    </div>
  );
}
