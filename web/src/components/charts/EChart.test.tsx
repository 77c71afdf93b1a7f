import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const instance = {
  setOption: vi.fn(),
  resize: vi.fn(),
  dispose: vi.fn(),
  showLoading: vi.fn(),
  hideLoading: vi.fn(),
  on: vi.fn(),
  off: vi.fn(),
};
const init = vi.fn(() => instance);

vi.mock('./echarts', () => ({
  CHART_COLORS: ['#1f5fb4'],
  echarts: { init: (...args: unknown[]) => init(...(args as [])) },
}));

const { EChart } = await import('./EChart');

afterEach(() => vi.clearAllMocks());

describe('EChart', () => {
  it('draws the option with the brand colours and cleans up', () => {
    const option = { series: [{ type: 'pie', data: [{ name: '销售顾问', value: 3 }] }] };
    const { getByRole, unmount } = render(
      <EChart option={option} height={200} ariaLabel="团队构成" />,
    );
    expect(getByRole('img', { name: '团队构成' })).toBeTruthy();
    expect(init).toHaveBeenCalledTimes(1);
    expect(instance.setOption).toHaveBeenCalledWith({ color: ['#1f5fb4'], ...option }, true);
    unmount();
    expect(instance.dispose).toHaveBeenCalledTimes(1);
  });

  it('redraws when the option changes and shows loading', () => {
    const first = { series: [] };
    const second = { series: [{ type: 'bar', data: [1, 2] }] };
    const { rerender } = render(<EChart option={first} loading />);
    expect(instance.showLoading).toHaveBeenCalled();
    rerender(<EChart option={second} />);
    expect(instance.setOption).toHaveBeenLastCalledWith({ color: ['#1f5fb4'], ...second }, true);
    expect(instance.hideLoading).toHaveBeenCalled();
  });

  it('reports clicks', () => {
    const onClick = vi.fn();
    render(<EChart option={{}} onClick={onClick} />);
    expect(instance.on).toHaveBeenCalledWith('click', expect.any(Function));
    const handler = instance.on.mock.calls[0]?.[1] as (p: unknown) => void;
    handler({ name: 'H', value: 3, dataIndex: 0 });
    expect(onClick).toHaveBeenCalledWith({ name: 'H', value: 3, dataIndex: 0 });
  });
});
