// A car's form values and how they become the API's input: for a new car (alone or with a new
// customer) and as a patch of only what changed.
import dayjs, { type Dayjs } from 'dayjs';
import type { CatalogBrand, Vehicle, VehicleInput, VehiclePatch } from '@/api/types';
import { findModel } from '@/lib/catalog';
import { normalizeVin } from '@/lib/vin';

export interface VehicleFormValues {
  vin?: string;
  /** Keep a VIN whose check digit is wrong (offered once the server or the form noticed). */
  accept_vin_check_digit?: boolean;
  plate?: string;
  /** Whether the car is picked from the catalog (else brand, series and model are typed). */
  from_catalog?: boolean;
  /** [brand id, series id, model id] from the catalog picker. */
  catalog?: string[];
  brand?: string;
  series?: string;
  model?: string;
  colour?: string;
  model_year?: number | null;
  purchase_date?: Dayjs | null;
  bought_here?: boolean;
  mileage_km?: number | null;
  notes?: string;
}

/** The vehicle fields the server names in its field errors. */
export const VEHICLE_FIELDS = [
  'vin',
  'accept_vin_check_digit',
  'plate',
  'catalog_model_id',
  'brand',
  'series',
  'model',
  'colour',
  'model_year',
  'purchase_date',
  'bought_here',
  'mileage_km',
  'notes',
] as const;

/** `''` and whitespace mean "none". */
export function blank(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** A plate as registered: upper-case letters, no spaces or dots (`浙a·12345` → `浙A12345`). */
export function normalizePlate(value: string | null | undefined): string | null {
  const plate = blank(value)
    ?.replace(/[\s·.-]/g, '')
    .toUpperCase();
  return plate ? plate : null;
}

function catalogModelId(values: VehicleFormValues): string | null {
  if (!values.from_catalog) return null;
  return values.catalog?.[2] ?? null;
}

/** Whether the form describes a car at all (a new customer's optional first car). */
export function hasVehicle(values: VehicleFormValues | undefined): boolean {
  if (!values) return false;
  return !!(
    blank(values.vin) ||
    normalizePlate(values.plate) ||
    catalogModelId(values) ||
    blank(values.brand)
  );
}

export function toVehicleInput(values: VehicleFormValues): VehicleInput {
  const modelId = catalogModelId(values);
  const input: VehicleInput = {
    vin: blank(normalizeVin(values.vin)),
    plate: normalizePlate(values.plate),
    catalog_model_id: modelId,
    brand: modelId ? null : blank(values.brand),
    series: modelId ? null : blank(values.series),
    model: modelId ? null : blank(values.model),
    colour: blank(values.colour),
    model_year: values.model_year ?? null,
    purchase_date: values.purchase_date ? values.purchase_date.format('YYYY-MM-DD') : null,
    bought_here: !!values.bought_here,
    mileage_km: values.mileage_km ?? null,
    notes: blank(values.notes),
  };
  if (values.accept_vin_check_digit) input.accept_vin_check_digit = true;
  return input;
}

/** The form's values for a car; `brands` (the catalog) places a catalog model in the picker. */
export function vehicleToFormValues(
  vehicle: Vehicle,
  brands?: readonly CatalogBrand[],
): VehicleFormValues {
  const path = findModel(brands, vehicle.catalog_model_id);
  return {
    vin: vehicle.vin ?? '',
    plate: vehicle.plate ?? '',
    from_catalog: !!path,
    catalog: path ? [path.brand.id, path.series.id, path.model.id] : undefined,
    brand: vehicle.brand ?? '',
    series: vehicle.series ?? '',
    model: vehicle.model ?? '',
    colour: vehicle.colour ?? '',
    model_year: vehicle.model_year ?? null,
    purchase_date: vehicle.purchase_date ? dayjs(vehicle.purchase_date) : null,
    bought_here: vehicle.bought_here,
    notes: vehicle.notes ?? '',
  };
}

/** Only what changed, with the version last read. Mileage changes through readings instead. */
export function vehiclePatch(vehicle: Vehicle, values: VehicleFormValues): VehiclePatch {
  const next = toVehicleInput(values);
  const patch: VehiclePatch = { version: vehicle.version };
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  if (!same(next.vin, vehicle.vin)) patch.vin = next.vin;
  if (values.accept_vin_check_digit) patch.accept_vin_check_digit = true;
  if (!same(next.plate, vehicle.plate)) patch.plate = next.plate;
  if (values.from_catalog) {
    if (next.catalog_model_id && next.catalog_model_id !== vehicle.catalog_model_id) {
      patch.catalog_model_id = next.catalog_model_id;
    }
  } else {
    if (vehicle.catalog_model_id) patch.catalog_model_id = null;
    if (!same(next.brand, vehicle.brand)) patch.brand = next.brand;
    if (!same(next.series, vehicle.series)) patch.series = next.series;
    if (!same(next.model, vehicle.model)) patch.model = next.model;
  }
  if (!same(next.colour, vehicle.colour)) patch.colour = next.colour;
  if (!same(next.model_year, vehicle.model_year)) patch.model_year = next.model_year;
  if (!same(next.purchase_date, vehicle.purchase_date)) patch.purchase_date = next.purchase_date;
  if (next.bought_here !== vehicle.bought_here) patch.bought_here = next.bought_here;
  if (!same(next.notes, vehicle.notes)) patch.notes = next.notes;
  return patch;
}

/** "比亚迪 汉 DM-i 冠军版" from whatever the car has. */
export function vehicleName(vehicle: Pick<Vehicle, 'brand' | 'series' | 'model'>): string {
  return [vehicle.brand, vehicle.series, vehicle.model].filter(Boolean).join(' ');
}
