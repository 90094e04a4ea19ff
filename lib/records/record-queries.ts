'use client';
/**
 * react-query for the three "record" resources (customers, sites, equipment), which share one shape: list with
 * pagination, details, send (create/update), delete/undelete, activate/desactivate. lib/queries/{customers,sites,
 * equipment}.ts instantiate it; pages import from there. Calls go through the typed client over /api/st.
 */
import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../queries/client';
import type { CallOptions, Query, RecordKey } from '../synchroteam/client';
import type { Page } from '../synchroteam/schemas/common';
import type { RecordKind, RecordTypes } from './record-kind';

/** The lifecycle resource shape of the typed client, seen through one item type. */
interface RecordApi<T> {
  list(q: Query, o?: CallOptions): Promise<Page<T>>;
  details(key: RecordKey, o?: CallOptions): Promise<T>;
  send(body: Record<string, unknown>, o?: CallOptions): Promise<T>;
  delete(key: RecordKey, o?: CallOptions): Promise<unknown>;
  undelete(key: RecordKey, o?: CallOptions): Promise<unknown>;
  activate(key: RecordKey, o?: CallOptions): Promise<unknown>;
  deactivate(key: RecordKey, o?: CallOptions): Promise<unknown>;
}

/** The three record lists depend on each other (a site shows its customer's name): one invalidation for the domain. */
export function invalidateRecords(qc: QueryClient): Promise<void> {
  return Promise.all(
    (['customers', 'sites', 'equipment'] as const).map((k) => qc.invalidateQueries({ queryKey: [k] })),
  ).then(() => undefined);
}

export function recordQueries<K extends RecordKind>(kind: K) {
  type Item = RecordTypes[K];
  const records = api[kind] as unknown as RecordApi<Item>;
  const keys = {
    all: [kind] as const,
    lists: () => [kind, 'list'] as const,
    list: (q: Query) => [kind, 'list', q] as const,
    detail: (id: number) => [kind, 'detail', id] as const,
  };
  return {
    keys,
    list: (q: Query) =>
      queryOptions({
        queryKey: keys.list(q),
        queryFn: ({ signal }) => records.list(q, { signal }),
        // Keep the last page on screen while the next one loads: no flash of emptiness between keystrokes.
        placeholderData: keepPreviousData,
        staleTime: 15_000,
      }),
    detail: (id: number) =>
      queryOptions({ queryKey: keys.detail(id), queryFn: ({ signal }) => records.details({ id }, { signal }) }),
    /**
     * send upserts on myId: creating with a myId another record holds would silently update that record. Forms ask
     * first; null when the myId is free, else the record holding it.
     */
    async holderOfMyId(myId: string): Promise<Item | null> {
      try {
        return await records.details({ myId });
      } catch (e) {
        if ((e as { status?: number }).status === 404) return null;
        throw e;
      }
    },
    useSave() {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: (body: Record<string, unknown>) => records.send(body),
        onSuccess: (saved) => {
          qc.setQueryData(keys.detail(saved.id), saved);
          void invalidateRecords(qc);
        },
      });
    },
    useDelete() {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: (id: number) => records.delete({ id }),
        onSuccess: (_r, id) => {
          qc.removeQueries({ queryKey: keys.detail(id) });
          void invalidateRecords(qc);
        },
      });
    },
    useUndelete() {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: (id: number) => records.undelete({ id }),
        onSuccess: () => void invalidateRecords(qc),
      });
    },
    /** Activate or deactivate one or many records. The API takes one record per call; a few calls run at once. */
    useSetActive() {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: async ({ ids, active }: { ids: number[]; active: boolean }) => {
          const failed: { id: number; error: unknown }[] = [];
          let next = 0;
          const worker = async () => {
            while (next < ids.length) {
              const id = ids[next++]!;
              try {
                await (active ? records.activate({ id }) : records.deactivate({ id }));
              } catch (error) {
                failed.push({ id, error });
              }
            }
          };
          await Promise.all(Array.from({ length: Math.min(4, ids.length) }, worker));
          return { done: ids.length - failed.length, failed };
        },
        onSettled: () => void invalidateRecords(qc),
      });
    },
  };
}
