import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Customer } from '@/api/types';
import {
  customerPatch,
  customerToFormValues,
  emptyCustomerForm,
  patchChanges,
  toNewCustomer,
  type CustomerFormValues,
} from './customerForm';

function form(changes: Partial<CustomerFormValues>): CustomerFormValues {
  return { ...emptyCustomerForm('me'), ...changes };
}

const customer: Customer = {
  id: 'c1',
  kind: 'person',
  name: '王建华',
  gender: 'male',
  birthday: '1982-05-14',
  phones: [
    { number: '13857108826', label: 'mobile', is_primary: true },
    { number: '057188032619', label: 'home', is_primary: false },
  ],
  contact_masked: false,
  wechat_id: 'wangjianhua_82',
  email: null,
  address: { province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路 199 号' },
  id_number: '**************6150',
  occupation: '工程师',
  notes: null,
  tags: ['老客户'],
  source: 'walk_in',
  owner: { id: 'u1', display_name: '张伟' },
  companions: [{ relation: 'spouse', name: '李梅', phone: '13900001111', notes: null }],
  consents: [],
  consent_history: [],
  vehicles: [],
  can_reveal_id_number: false,
  created_at: '2024-05-01T06:30:00Z',
  updated_at: '2024-05-01T06:30:00Z',
  version: 3,
};

describe('a new customer from the form', () => {
  it('trims, drops blanks and keeps what was given', () => {
    const body = toNewCustomer(
      form({
        name: ' 张伟 ',
        gender: 'male',
        birthday: dayjs('1990-02-03'),
        phones: [
          { number: ' 138 1234 5678 ', label: 'mobile' },
          { number: '', label: 'home' },
        ],
        email: '  ',
        address: { province: '浙江省', city: ' 杭州市 ', street: '' },
        id_number: '33010619900203123x',
        tags: ['老客户', ' 老客户 ', ''],
        companions: [
          { relation: 'spouse', name: '李梅', phone: '13900001111' },
          { relation: 'friend', name: '', phone: '' },
        ],
        consents: { sms: 'granted', phone: 'refused', email: 'unknown', wechat: 'unknown' },
        consent_method: 'written_form',
        vehicles: [
          { from_catalog: true, catalog: ['b', 's', 'm1'], plate: '浙a·12345', colour: '珍珠白' },
        ],
      }),
    );
    expect(body).toMatchObject({
      kind: 'person',
      name: '张伟',
      gender: 'male',
      birthday: '1990-02-03',
      phones: [{ number: '138 1234 5678', label: 'mobile' }],
      email: null,
      address: { province: '浙江省', city: '杭州市', district: null, street: null },
      id_number: '33010619900203123X',
      tags: ['老客户'],
      source: 'walk_in',
      owner_id: 'me',
      companions: [{ relation: 'spouse', name: '李梅', phone: '13900001111', notes: null }],
      consents: [
        { channel: 'sms', granted: true, method: 'written_form' },
        { channel: 'phone', granted: false, method: 'written_form' },
      ],
    });
    expect(body.vehicles).toEqual([
      expect.objectContaining({
        catalog_model_id: 'm1',
        brand: null,
        plate: '浙A12345',
        colour: '珍珠白',
        bought_here: false,
      }),
    ]);
    expect(body.allow_duplicate).toBeUndefined();
  });

  it('leaves the car out when none was described, and says so when creating anyway', () => {
    const body = toNewCustomer(form({ name: '某某公司', kind: 'company', gender: 'female' }), {
      allowDuplicate: true,
    });
    expect(body.vehicles).toEqual([]);
    expect(body.gender).toBeNull();
    expect(body.allow_duplicate).toBe(true);
  });

  it('sends a typed brand when the car is not from the catalog', () => {
    const body = toNewCustomer(
      form({
        name: '张伟',
        vehicles: [
          { from_catalog: false, catalog: ['b', 's', 'm1'], brand: '五菱', series: '宏光' },
        ],
      }),
    );
    expect(body.vehicles?.[0]).toMatchObject({
      catalog_model_id: null,
      brand: '五菱',
      series: '宏光',
    });
  });
});

describe('a customer patch', () => {
  it('is only the version when nothing changed', () => {
    const patch = customerPatch(customer, customerToFormValues(customer));
    expect(patch).toEqual({ version: 3 });
    expect(patchChanges(patch)).toBe(false);
  });

  it('carries only what changed', () => {
    const values = customerToFormValues(customer);
    values.name = '王建国';
    values.tags = ['老客户', '置换意向'];
    values.address = { ...values.address, district: '' };
    values.id_number = '330106198205146150';
    const patch = customerPatch(customer, values);
    expect(patch).toEqual({
      version: 3,
      name: '王建国',
      tags: ['老客户', '置换意向'],
      address: { province: '浙江省', city: '杭州市', district: null, street: '文三路 199 号' },
      id_number: '330106198205146150',
    });
    expect(patchChanges(patch)).toBe(true);
  });

  it('never sends masked phones or companions back', () => {
    const masked: Customer = {
      ...customer,
      contact_masked: true,
      phones: [{ number: '138****8826', label: 'mobile', is_primary: true }],
      companions: [{ relation: 'spouse', name: '李梅', phone: '139****1111', notes: null }],
    };
    const values = customerToFormValues(masked);
    values.phones = [{ number: '13800000000', label: 'mobile' }];
    values.companions = [];
    values.occupation = '教师';
    expect(customerPatch(masked, values)).toEqual({ version: 3, occupation: '教师' });
  });

  it('clears a value emptied on the form, and sends the owner only when it changed', () => {
    const values = customerToFormValues(customer);
    values.wechat_id = ' ';
    values.owner_id = 'u2';
    expect(customerPatch(customer, values)).toEqual({
      version: 3,
      wechat_id: null,
      owner_id: 'u2',
    });
  });
});
