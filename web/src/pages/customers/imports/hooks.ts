// Customer imports: upload a file, check it (dry run), import it; saved column mappings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { ImportOptions } from '@/api/types';

export const IMPORTS_KEY = ['customer-imports'] as const;

/** Uploads the file as it is (CSV in UTF-8 or GBK, or XLSX); the server reads its columns. */
export function useUploadImport() {
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST('/api/v1/customer-imports', {
          params: { query: { filename: file.name } },
          // The raw bytes, not JSON: the schema names the body as bytes.
          body: file as unknown as number[],
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'content-type': 'application/octet-stream' },
        }),
      ),
  });
}

export function useImport(id: string | null) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/customer-imports/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

export function useSavedMappings() {
  return useQuery({
    queryKey: ['import-mappings'],
    queryFn: () => unwrap(api.GET('/api/v1/import-mappings')),
  });
}

export function useDryRun(id: string) {
  return useMutation({
    mutationFn: (body: ImportOptions) =>
      unwrap(api.POST('/api/v1/customer-imports/{id}/dry-run', { params: { path: { id } }, body })),
  });
}

export function useRunImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportOptions) =>
      unwrap(api.POST('/api/v1/customer-imports/{id}/run', { params: { path: { id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['vehicles'] });
      void queryClient.invalidateQueries({ queryKey: ['import-mappings'] });
      void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY });
    },
  });
}
