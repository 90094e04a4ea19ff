'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { FormProvider, useForm, type Resolver } from 'react-hook-form';
import type { MapTiles } from '@/components/map/mini-map';
import { DetailFallback } from '@/components/records/detail-common';
import { DetailHeader } from '@/components/records/detail-layout';
import {
  AddressFields, ContactFields, CustomFieldsFields, FormActions, FormErrorBanner, FormSection, PositionFields, saveRecord, TagsField, TextField,
} from '@/components/records/form-parts';
import { useConflictPrompt } from '@/components/records/edit-conflict-dialog';
import { customerQueries } from '@/lib/queries/customers';
import { st } from '@/lib/records/record-queries';
import { customFieldQueries } from '@/lib/queries/customfields';
import { customerFormSchema, customerPayload, customerToForm, type CustomerFormValues } from '@/lib/records/record-form';
import type { Customer, CustomFieldDef } from '@/lib/synchroteam/schemas/customer';

const FIELDS = Object.keys(customerToForm(undefined, []));

/** New customer (no id) or edit: waits for the record and the custom field definitions, then shows the form. */
export function CustomerForm({ id, tiles }: { id?: number; tiles: MapTiles }) {
  const rec = useQuery({ ...customerQueries.detail(id ?? 0), enabled: !!id });
  const defs = useQuery(customFieldQueries.byType('customer'));
  const back = id ? { href: `/customers/${id}`, label: 'Back to the customer' } : { href: '/customers', label: 'Customers' };
  if ((id && !rec.data) || !defs.data) {
    return <DetailFallback error={rec.error ?? defs.error} onRetry={() => void (rec.refetch(), defs.refetch())} back={back} />;
  }
  return <CustomerFormInner original={rec.data} defs={defs.data} tiles={tiles} back={back} />;
}

function CustomerFormInner({ original: loaded, defs, tiles, back }: { original?: Customer; defs: CustomFieldDef[]; tiles: MapTiles; back: { href: string; label: string } }) {
  // The record as it was when the form opened, kept even if the query refetches it meanwhile: the save sends what
  // changed from it, and checks whether someone else changed the record since (edit conflicts).
  const [original, setOriginal] = useState(loaded);
  const router = useRouter();
  const qc = useQueryClient();
  const save = customerQueries.useSave();
  const conflict = useConflictPrompt('Customer');
  const form = useForm<CustomerFormValues>({
    resolver: zodResolver(customerFormSchema(defs)) as Resolver<CustomerFormValues>,
    defaultValues: customerToForm(original, defs),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    await saveRecord({
      form,
      body: customerPayload(values, defs, original),
      original,
      noun: 'Customer',
      path: '/customers',
      holderOfMyId: (myId) => customerQueries.holderOfMyId(myId),
      save: save.mutateAsync,
      fields: FIELDS,
      defs,
      go: (href) => router.push(href),
      conflicts: {
        // Straight from the API, not through the query cache: the form keeps the version it was opened with.
        latest: (id) => st().customers.details({ id }),
        ask: conflict.ask,
        reload: (latest) => {
          const c = latest as Customer;
          qc.setQueryData(customerQueries.keys.detail(c.id), c);
          setOriginal(c);
          form.reset(customerToForm(c, defs));
          toast('Reloaded: the form now shows the customer as saved by the other person');
        },
      },
    });
  });

  return (
    <>
      <DetailHeader back={back} title={original ? `Edit ${original.name}` : 'New customer'} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="max-w-4xl space-y-4" aria-label={original ? 'Edit customer' : 'New customer'}>
          <FormErrorBanner checkHref={original ? `/customers/${original.id}` : '/customers'} />
          <FormSection title="Customer">
            <TextField name="name" label="Name" required className="sm:col-span-2" />
            <TextField name="myId" label="My ID" hint="Your own reference; must be unique." />
            <TextField name="vatNumber" label="VAT number" />
            <TagsField />
          </FormSection>
          <ContactFields />
          <AddressFields />
          <PositionFields tiles={tiles} />
          <CustomFieldsFields defs={defs} />
          <FormActions busy={form.formState.isSubmitting} cancelHref={back.href} submitLabel={original ? 'Save changes' : 'Create customer'} />
        </form>
      </FormProvider>
      {conflict.dialog}
    </>
  );
}
