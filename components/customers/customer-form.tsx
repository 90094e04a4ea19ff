'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm, type Resolver } from 'react-hook-form';
import type { MapTiles } from '@/components/map/mini-map';
import { DetailFallback } from '@/components/records/detail-common';
import { DetailHeader } from '@/components/records/detail-layout';
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
import { useRecordConflicts } from '@/components/records/edit-conflict-dialog';
import { customerQueries } from '@/lib/queries/customers';
import { customFieldQueries } from '@/lib/queries/customfields';
import {
  customerFormSchema,
  customerPayload,
  customerToForm,
  type CustomerFormValues,
} from '@/lib/records/record-form';
import type { Customer, CustomFieldDef } from '@/lib/synchroteam/schemas/customer';

const FIELDS = Object.keys(customerToForm(undefined, []));

/** New customer (no id) or edit: waits for the record and the custom field definitions, then shows the form. */
export function CustomerForm({ id, tiles }: { id?: number; tiles: MapTiles }) {
  const rec = useQuery({ ...customerQueries.detail(id ?? 0), enabled: !!id });
  const defs = useQuery(customFieldQueries.byType('customer'));
  const back = id
    ? { href: `/customers/${id}`, label: 'Back to the customer' }
    : { href: '/customers', label: 'Customers' };
  if ((id && !rec.data) || !defs.data) {
    return (
      <DetailFallback
        error={rec.error ?? defs.error}
        onRetry={() => void (rec.refetch(), defs.refetch())}
        back={back}
      />
    );
  }
  return <CustomerFormInner original={rec.data} defs={defs.data} tiles={tiles} back={back} />;
}

function CustomerFormInner({
  original: loaded,
  defs,
  tiles,
  back,
}: {
  original?: Customer;
  defs: CustomFieldDef[];
  tiles: MapTiles;
  back: { href: string; label: string };
}) {
  const { original, conflicts, dialog } = useRecordConflicts('customers', 'Customer', loaded);
  const router = useRouter();
  const save = customerQueries.useSave();
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
      conflicts: conflicts((c) => form.reset(customerToForm(c, defs))),
    });
  });

  return (
    <>
      <DetailHeader back={back} title={original ? `Edit ${original.name}` : 'New customer'} />
      <FormProvider {...form}>
        <form
          onSubmit={onSubmit}
          noValidate
          className="max-w-4xl space-y-4"
          aria-label={original ? 'Edit customer' : 'New customer'}
        >
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
          <FormActions
            busy={form.formState.isSubmitting}
            cancelHref={back.href}
            submitLabel={original ? 'Save changes' : 'Create customer'}
          />
        </form>
      </FormProvider>
      {dialog}
    </>
  );
}
