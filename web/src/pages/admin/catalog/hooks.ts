// Writing the vehicle catalog: brands, series, models, CSV import, publishing to the group.
// (Reading it is `useCatalog` in lib/catalog.ts, shared with the vehicle forms.)
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { CatalogModelPatch, NewCatalogModel } from '@/api/types';
import { CATALOG_KEY } from '@/lib/catalog';

function useCatalogWrite<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CATALOG_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useCreateBrand() {
  return useCatalogWrite((name: string) =>
    unwrap(api.POST('/api/v1/catalog/brands', { body: { name } })),
  );
}

export function useRenameBrand() {
  return useCatalogWrite(({ id, version, name }: { id: string; version: number; name: string }) =>
    unwrap(
      api.PATCH('/api/v1/catalog/brands/{id}', {
        params: { path: { id } },
        body: { version, name },
      }),
    ),
  );
}

export function useDeleteBrand() {
  return useCatalogWrite((id: string) =>
    unwrap(api.DELETE('/api/v1/catalog/brands/{id}', { params: { path: { id } } })),
  );
}

export function useCreateSeries() {
  return useCatalogWrite((body: { brand_id: string; name: string }) =>
    unwrap(api.POST('/api/v1/catalog/series', { body })),
  );
}

export function useRenameSeries() {
  return useCatalogWrite(({ id, version, name }: { id: string; version: number; name: string }) =>
    unwrap(
      api.PATCH('/api/v1/catalog/series/{id}', {
        params: { path: { id } },
        body: { version, name },
      }),
    ),
  );
}

export function useDeleteSeries() {
  return useCatalogWrite((id: string) =>
    unwrap(api.DELETE('/api/v1/catalog/series/{id}', { params: { path: { id } } })),
  );
}

export function useCreateModel() {
  return useCatalogWrite((body: NewCatalogModel) =>
    unwrap(api.POST('/api/v1/catalog/models', { body })),
  );
}

export function useUpdateModel() {
  return useCatalogWrite(({ id, ...body }: CatalogModelPatch & { id: string }) =>
    unwrap(api.PATCH('/api/v1/catalog/models/{id}', { params: { path: { id } }, body })),
  );
}

export function useDeleteModel() {
  return useCatalogWrite((id: string) =>
    unwrap(api.DELETE('/api/v1/catalog/models/{id}', { params: { path: { id } } })),
  );
}

/** Checks (`dryRun`) or imports a catalog CSV: 品牌, 车系, 车型, 年款, 车身, 动力, 指导价, 颜色. */
export function useImportCatalog() {
  return useCatalogWrite(({ csv, dryRun }: { csv: string; dryRun: boolean }) =>
    unwrap(
      api.POST('/api/v1/catalog/import', {
        params: { query: { dry_run: dryRun } },
        body: csv,
        bodySerializer: (body: unknown) => body as string,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      }),
    ),
  );
}

export function usePublishCatalog() {
  return useCatalogWrite(() => unwrap(api.POST('/api/v1/catalog/publish')));
}
