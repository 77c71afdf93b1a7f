// The vehicle catalog (brands → series → models), shared by the catalog admin, the vehicle forms
// and filters.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { BodyType, CatalogBrand, CatalogModel, CatalogSeries, Powertrain } from '@/api/types';

export const CATALOG_KEY = ['catalog'] as const;

export const BODY_TYPES: readonly BodyType[] = [
  'sedan',
  'suv',
  'mpv',
  'hatchback',
  'wagon',
  'coupe',
  'convertible',
  'pickup',
  'van',
];

export const POWERTRAINS: readonly Powertrain[] = [
  'petrol',
  'diesel',
  'hybrid',
  'phev',
  'erev',
  'bev',
];

/** The whole catalog as a tree (it is small: a dealer's brands, their series and trims). */
export function useCatalog(enabled = true) {
  return useQuery({
    queryKey: CATALOG_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/catalog')),
    enabled,
    staleTime: 60_000,
  });
}

export interface ModelPath {
  brand: CatalogBrand;
  series: CatalogSeries;
  model: CatalogModel;
}

/** Where a model sits in the tree, or null when it is not (or no longer) in the catalog. */
export function findModel(
  brands: readonly CatalogBrand[] | undefined,
  modelId: string | null | undefined,
): ModelPath | null {
  if (!brands || !modelId) return null;
  for (const brand of brands) {
    for (const series of brand.series) {
      const model = series.models.find((m) => m.id === modelId);
      if (model) return { brand, series, model };
    }
  }
  return null;
}

export interface CascaderOption {
  value: string;
  label: string;
  disabled?: boolean;
  children?: CascaderOption[];
}

/**
 * Brand → series → model options for a picker. Inactive models are left out (except `keep`,
 * the one a car already has); series and brands left without models are dropped.
 */
export function catalogOptions(
  brands: readonly CatalogBrand[] | undefined,
  modelLabel: (model: CatalogModel) => string,
  keep?: string | null,
): CascaderOption[] {
  return (brands ?? [])
    .map((brand) => ({
      value: brand.id,
      label: brand.name,
      children: brand.series
        .map((series) => ({
          value: series.id,
          label: series.name,
          children: series.models
            .filter((model) => model.active || model.id === keep)
            .map((model) => ({ value: model.id, label: modelLabel(model) })),
        }))
        .filter((series) => series.children.length > 0),
    }))
    .filter((brand) => brand.children.length > 0);
}
