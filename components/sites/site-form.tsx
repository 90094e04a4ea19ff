'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Controller, FormProvider, useForm, type Resolver } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import type { MapTiles } from '@/components/map/mini-map';
import { DetailFallback } from '@/components/records/detail-common';
import { DetailHeader } from '@/components/records/detail-layout';
import { useRecordConflicts } from '@/components/records/edit-conflict-dialog';
import {
  AddressFields,
  ContactFields,
  CustomFieldsFields,
  FormActions,
  FormErrorBanner,
  FormSection,
  PositionFields,
  saveRecord,
  TagsField,
  TextField,
} from '@/components/records/form-parts';
import { RecordPicker } from '@/components/records/record-picker';
import { customerQueries } from '@/lib/queries/customers';
import { customFieldQueries } from '@/lib/queries/customfields';
import { siteQueries } from '@/lib/queries/sites';
import {
  siteFormSchema,
  sitePayload,
  siteToForm,
  type RecordRefValue,
  type SiteFormValues,
} from '@/lib/records/record-form';
import type { CustomFieldDef } from '@/lib/synchroteam/schemas/customer';
import type { Site } from '@/lib/synchroteam/schemas/site';

const FIELDS = Object.keys(siteToForm(undefined, []));

/** New site (optionally for ?customer=id) or edit. */
export function SiteForm({ id, customerId, tiles }: { id?: number; customerId?: number; tiles: MapTiles }) {
  const rec = useQuery({ ...siteQueries.detail(id ?? 0), enabled: !!id });
  const cust = useQuery({ ...customerQueries.detail(customerId ?? 0), enabled: !id && !!customerId });
  const defs = useQuery(customFieldQueries.byType('site'));
  const back = id
    ? { href: `/sites/${id}`, label: 'Back to the site' }
    : customerId
      ? { href: `/customers/${customerId}`, label: 'Back to the customer' }
      : { href: '/sites', label: 'Sites' };
  const waiting = (id && !rec.data) || (!id && customerId && !cust.data && !cust.error) || !defs.data;
  if (waiting)
    return (
      <DetailFallback
        error={rec.error ?? defs.error}
        onRetry={() => void (rec.refetch(), defs.refetch())}
        back={back}
      />
    );
  const preset: RecordRefValue = cust.data ? { id: cust.data.id, name: cust.data.name, myId: cust.data.myId } : null;
  return <SiteFormInner original={rec.data} defs={defs.data!} tiles={tiles} back={back} customer={preset} />;
}

function SiteFormInner({
  original: loaded,
  defs,
  tiles,
  back,
  customer,
}: {
  original?: Site;
  defs: CustomFieldDef[];
  tiles: MapTiles;
  back: { href: string; label: string };
  customer: RecordRefValue;
}) {
  const { original, conflicts, dialog } = useRecordConflicts('sites', 'Site', loaded);
  const router = useRouter();
  const save = siteQueries.useSave();
  const form = useForm<SiteFormValues>({
    resolver: zodResolver(siteFormSchema(defs)) as Resolver<SiteFormValues>,
    defaultValues: siteToForm(original, defs, customer),
  });
  const onSubmit = form.handleSubmit(async (values) => {
    await saveRecord({
      form,
      body: sitePayload(values, defs, original),
      original,
      noun: 'Site',
      path: '/sites',
      holderOfMyId: (myId) => siteQueries.holderOfMyId(myId),
      save: save.mutateAsync,
      fields: FIELDS,
      defs,
      go: (href) => router.push(href),
      conflicts: conflicts((r) => form.reset(siteToForm(r, defs, customer))),
    });
  });

  return (
    <>
      <DetailHeader back={back} title={original ? `Edit ${original.name}` : 'New site'} />
      <FormProvider {...form}>
        <form
          onSubmit={onSubmit}
          noValidate
          className="max-w-4xl space-y-4"
          aria-label={original ? 'Edit site' : 'New site'}
        >
          <FormErrorBanner checkHref={original ? `/sites/${original.id}` : '/sites'} />
          <FormSection title="Site">
            <TextField name="name" label="Name" required className="sm:col-span-2" />
            <Controller
              control={form.control}
              name="customer"
              render={({ field, fieldState }) => (
                <Field label="Customer (required)" error={fieldState.error?.message}>
                  {(p) => (
                    <RecordPicker
                      {...p}
                      kind="customers"
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                    />
                  )}
                </Field>
              )}
            />
            <TextField name="myId" label="My ID" hint="Your own reference; must be unique." />
            <TagsField />
          </FormSection>
          <ContactFields />
          <AddressFields />
          <PositionFields tiles={tiles} />
          <CustomFieldsFields defs={defs} />
          <FormActions
            busy={form.formState.isSubmitting}
            cancelHref={back.href}
            submitLabel={original ? 'Save changes' : 'Create site'}
          />
        </form>
      </FormProvider>
      {dialog}
    </>
  );
}
