// The customer form's values and how they become the API's input: a new customer (with consent
// and an optional first car) or a patch of only what changed, with the version last read.
import dayjs, { type Dayjs } from 'dayjs';
import type {
  CompanionInput,
  ConsentChannel,
  ConsentInput,
  ConsentMethod,
  Customer,
  CustomerKind,
  CustomerPatch,
  Gender,
  NewCustomer,
  PhoneLabel,
  Relation,
} from '@/api/types';
import {
  blank,
  hasVehicle,
  toVehicleInput,
  type VehicleFormValues,
} from '@/components/vehicles/vehicleForm';
import { isMasked } from '@/lib/format';

export const CONSENT_CHANNELS: readonly ConsentChannel[] = ['sms', 'phone', 'email', 'wechat'];
export const CONSENT_METHODS: readonly ConsentMethod[] = [
  'verbal',
  'written_form',
  'web_form',
  'message_reply',
];
export const RELATIONS: readonly Relation[] = [
  'spouse',
  'parent',
  'child',
  'sibling',
  'relative',
  'friend',
  'colleague',
  'other',
];
export const PHONE_LABELS: readonly PhoneLabel[] = ['mobile', 'home', 'work', 'other'];

/** A channel's answer on the form: asked and agreed, asked and refused, or not asked. */
export type ConsentAnswer = 'granted' | 'refused' | 'unknown';

export interface CustomerFormValues {
  kind: CustomerKind;
  name: string;
  gender?: Gender | null;
  birthday?: Dayjs | null;
  phones: { number: string; label: PhoneLabel }[];
  wechat_id?: string;
  email?: string;
  address: { province?: string | null; city?: string; district?: string; street?: string };
  /** Typed only to set or replace it; the stored number never comes back unmasked. */
  id_number?: string;
  occupation?: string;
  tags: string[];
  notes?: string;
  source?: string | null;
  owner_id?: string | null;
  companions: { relation: Relation; name: string; phone?: string; notes?: string }[];
  /** New customers only: consent asked at the desk, and how. */
  consents?: Partial<Record<ConsentChannel, ConsentAnswer>>;
  consent_method?: ConsentMethod;
  /** New customers only: a first car, at index 0 (so the server's `vehicles.0.vin` errors land). */
  vehicles?: VehicleFormValues[];
}

/** The top-level names of the form's fields, for placing the server's field errors. */
export const CUSTOMER_FORM_FIELDS = [
  'kind',
  'name',
  'gender',
  'birthday',
  'phones',
  'wechat_id',
  'email',
  'address',
  'id_number',
  'occupation',
  'tags',
  'notes',
  'source',
  'owner_id',
  'companions',
  'consents',
  'vehicles',
] as const;

export function emptyCustomerForm(ownerId: string | null): CustomerFormValues {
  return {
    kind: 'person',
    name: '',
    phones: [{ number: '', label: 'mobile' }],
    address: {},
    tags: [],
    companions: [],
    owner_id: ownerId,
    source: 'walk_in',
    consents: { sms: 'unknown', phone: 'unknown', email: 'unknown', wechat: 'unknown' },
    consent_method: 'verbal',
    vehicles: [{ from_catalog: true, bought_here: false }],
  };
}

function phonesOf(values: CustomerFormValues) {
  return values.phones
    .map((phone) => ({ number: phone.number?.trim() ?? '', label: phone.label ?? 'mobile' }))
    .filter((phone) => phone.number !== '');
}

function companionsOf(values: CustomerFormValues): CompanionInput[] {
  return values.companions
    .filter((c) => c && (blank(c.name) || blank(c.phone)))
    .map((c) => ({
      relation: c.relation ?? 'other',
      name: c.name?.trim() ?? '',
      phone: blank(c.phone),
      notes: blank(c.notes),
    }));
}

function addressOf(values: CustomerFormValues) {
  return {
    province: values.address?.province || null,
    city: blank(values.address?.city),
    district: blank(values.address?.district),
    street: blank(values.address?.street),
  };
}

function tagsOf(values: CustomerFormValues): string[] {
  const seen = new Set<string>();
  for (const tag of values.tags ?? []) {
    const trimmed = tag.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}

function consentsOf(values: CustomerFormValues): ConsentInput[] {
  const method = values.consent_method ?? 'verbal';
  return CONSENT_CHANNELS.flatMap((channel) => {
    const answer = values.consents?.[channel] ?? 'unknown';
    if (answer === 'unknown') return [];
    return [{ channel, granted: answer === 'granted', method }];
  });
}

/** The body of `POST /customers`. */
export function toNewCustomer(
  values: CustomerFormValues,
  options: { allowDuplicate?: boolean } = {},
): NewCustomer {
  const body: NewCustomer = {
    kind: values.kind,
    name: values.name.trim(),
    gender: values.kind === 'person' ? (values.gender ?? null) : null,
    birthday:
      values.kind === 'person' && values.birthday ? values.birthday.format('YYYY-MM-DD') : null,
    phones: phonesOf(values),
    wechat_id: blank(values.wechat_id),
    email: blank(values.email),
    address: addressOf(values),
    id_number: blank(values.id_number)?.toUpperCase() ?? null,
    occupation: blank(values.occupation),
    notes: blank(values.notes),
    tags: tagsOf(values),
    source: values.source || null,
    owner_id: values.owner_id || null,
    companions: companionsOf(values),
    consents: consentsOf(values),
    vehicles: (values.vehicles ?? []).filter(hasVehicle).map(toVehicleInput),
  };
  if (options.allowDuplicate) body.allow_duplicate = true;
  return body;
}

/** The form's values for an existing customer (for editing). */
export function customerToFormValues(customer: Customer): CustomerFormValues {
  return {
    kind: customer.kind,
    name: customer.name,
    gender: customer.gender ?? null,
    birthday: customer.birthday ? dayjs(customer.birthday) : null,
    phones: customer.phones.map((p) => ({ number: p.number, label: p.label })),
    wechat_id: customer.wechat_id ?? '',
    email: customer.email ?? '',
    address: {
      province: customer.address.province ?? null,
      city: customer.address.city ?? '',
      district: customer.address.district ?? '',
      street: customer.address.street ?? '',
    },
    id_number: '',
    occupation: customer.occupation ?? '',
    tags: [...customer.tags],
    notes: customer.notes ?? '',
    source: customer.source ?? null,
    owner_id: customer.owner?.id ?? null,
    companions: customer.companions.map((c) => ({
      relation: c.relation,
      name: c.name,
      phone: c.phone ?? '',
      notes: c.notes ?? '',
    })),
  };
}

/** Whether the companions' phones came masked (then the list cannot be saved back). */
export function companionsMasked(customer: Customer): boolean {
  return customer.companions.some((c) => isMasked(c.phone));
}

const sameList = (a: unknown[], b: unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only what changed. Phones and companions are lists the server replaces whole, so they are
 * sent only when they changed — and never when they came masked (sending the masks back would
 * replace the real numbers). The owner is sent only when it changed (that needs another
 * permission).
 */
export function customerPatch(
  customer: Customer,
  values: CustomerFormValues,
  options: { allowDuplicate?: boolean } = {},
): CustomerPatch {
  const patch: CustomerPatch = { version: customer.version };
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  if (values.kind !== customer.kind) patch.kind = values.kind;
  const name = values.name.trim();
  if (name !== customer.name) patch.name = name;
  const gender = values.kind === 'person' ? (values.gender ?? null) : null;
  if (!same(gender, customer.gender)) patch.gender = gender;
  const birthday =
    values.kind === 'person' && values.birthday ? values.birthday.format('YYYY-MM-DD') : null;
  if (!same(birthday, customer.birthday)) patch.birthday = birthday;
  if (!customer.contact_masked) {
    const phones = phonesOf(values);
    const before = customer.phones.map((p) => ({ number: p.number, label: p.label }));
    if (!sameList(phones, before)) patch.phones = phones;
    const email = blank(values.email);
    if (!same(email, customer.email)) patch.email = email;
  }
  const wechat = blank(values.wechat_id);
  if (!same(wechat, customer.wechat_id)) patch.wechat_id = wechat;
  const address = addressOf(values);
  const oldAddress = {
    province: customer.address.province ?? null,
    city: customer.address.city ?? null,
    district: customer.address.district ?? null,
    street: customer.address.street ?? null,
  };
  if (!sameList([address], [oldAddress])) patch.address = address;
  const idNumber = blank(values.id_number);
  if (idNumber) patch.id_number = idNumber.toUpperCase();
  const occupation = blank(values.occupation);
  if (!same(occupation, customer.occupation)) patch.occupation = occupation;
  const notes = blank(values.notes);
  if (!same(notes, customer.notes)) patch.notes = notes;
  const tags = tagsOf(values);
  if (!sameList(tags, customer.tags)) patch.tags = tags;
  const source = values.source || null;
  if (!same(source, customer.source)) patch.source = source;
  const owner = values.owner_id || null;
  if (!same(owner, customer.owner?.id)) patch.owner_id = owner;
  if (!companionsMasked(customer)) {
    const companions = companionsOf(values);
    const before = customer.companions.map((c) => ({
      relation: c.relation,
      name: c.name,
      phone: c.phone ?? null,
      notes: c.notes ?? null,
    }));
    if (!sameList(companions, before)) patch.companions = companions;
  }
  if (options.allowDuplicate) patch.allow_duplicate = true;
  return patch;
}

/** Whether a patch changes anything (besides carrying the version). */
export function patchChanges(patch: CustomerPatch): boolean {
  return Object.keys(patch).some((key) => key !== 'version' && key !== 'allow_duplicate');
}
