// Small words about customers shared by their pages.
import type { Customer } from '@/api/types';
import { EMPTY } from '@/lib/format';
import { provinceLabel } from '@/lib/regions';

/** "浙江省 杭州市 西湖区 文三路 199 号" (the province in the user's language). */
export function addressLine(
  t: (key: string) => string,
  customer: Pick<Customer, 'address'>,
): string {
  const { province, city, district, street } = customer.address;
  const parts = [provinceLabel(t, province), city, district, street].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : EMPTY;
}
