// The booking drawer's answer to a full day: what is left, and a button that moves the booking
// to the next day the job fits.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import i18n from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import '@/i18n';
import { ApiError, toProblem } from '@/api/problem';
import { todayIn } from '@/lib/format';
import { addDays } from './serviceMath';

const nextFree = addDays(todayIn('Asia/Shanghai'), 3);
const mutate = vi.fn(
  (_body: unknown, options: { onError: (e: unknown) => void; onSuccess: () => void }) =>
    options.onError(
      new ApiError(
        409,
        toProblem(409, {
          code: 'capacity_full',
          detail: 'full',
          capacity: { left_minutes: 90, next_free: nextFree },
        }),
      ),
    ),
);

vi.mock('@/app/session', () => ({
  useMe: () => ({
    user: { id: 'u1', display_name: '王顾问' },
    dealer: { time_zone: 'Asia/Shanghai' },
    permissions: [],
  }),
}));
vi.mock('@/lib/permissions', () => ({ can: () => false }));
vi.mock('@/lib/users', () => ({ useUserOptions: () => ({ data: undefined }) }));
vi.mock('./CapacityStrip', () => ({ CapacityStrip: () => null }));
vi.mock('./hooks', () => ({
  APPOINTMENT_SOURCES: ['phone', 'customer', 'walk_in', 'due_list'],
  useBook: () => ({ mutate, isPending: false }),
  useCustomerCars: () => ({ data: undefined, isFetching: false }),
}));

const { BookingDrawer } = await import('./BookingDrawer');

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
  // jsdom does not do pseudo-elements, which Ant Design's scroll locker measures.
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computed(element);
});

describe('the booking drawer', () => {
  it('offers the next free day when the day is full', async () => {
    render(
      <App>
        <BookingDrawer
          car={{ vehicle_id: 'v1', label: '浙A12345 · 大众 帕萨特', customer_name: '张三' }}
          source="due_list"
          onClose={() => undefined}
        />
      </App>,
    );
    expect(screen.getByTestId('booking-car').textContent).toContain('浙A12345');
    fireEvent.change(screen.getByPlaceholderText('如：常规保养、更换刹车片'), {
      target: { value: '常规保养' },
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('booking-submit'));
    });
    await waitFor(() => expect(mutate).toHaveBeenCalled());
    expect(mutate.mock.calls[0]?.[0]).toMatchObject({
      vehicle_id: 'v1',
      job: '常规保养',
      job_minutes: 60,
      source: 'due_list',
      advisor_id: 'u1',
    });
    const alert = await screen.findByTestId('capacity-full');
    expect(alert.textContent).toContain('当天工位已满');
    expect(alert.textContent).toContain('1.5 小时');
    await act(async () => {
      fireEvent.click(screen.getByTestId('book-next-free'));
    });
    await waitFor(() => expect(screen.queryByTestId('capacity-full')).toBeNull());
    const day = screen.getByTestId('booking-day') as HTMLInputElement;
    expect(day.value).toBe(nextFree);
  }, 30000);
});
