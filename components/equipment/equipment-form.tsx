'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Controller, FormProvider, useForm, type Resolver } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { DetailFallback } from '@/components/records/detail-common';
import { DetailHeader } from '@/components/records/detail-layout';
import { useRecordConflicts } from '@/components/records/edit-conflict-dialog';
import {
  saveRecord,
  CustomFieldsFields,
  FormActions,
  FormErrorBanner,
  FormSection,
  TagsField,
  TextField,
} from '@/components/records/form-parts';
import { RecordPicker } from '@/components/records/record-picker';
import { customerQueries } from '@/lib/queries/customers';
import { customFieldQueries } from '@/lib/queries/customfields';
import { equipmentQueries } from '@/lib/queries/equipment';
import { siteQueries } from '@/lib/queries/sites';
import {
  equipmentFormSchema,
  equipmentPayload,
  equipmentToForm,
  type EquipmentFormValues,
  type RecordRefValue,
} from '@/lib/records/record-form';
import type { CustomFieldDef } from '@/lib/synchroteam/schemas/customer';
import type { Equipment } from '@/lib/synchroteam/schemas/equipment';

const FIELDS = Object.keys(equipmentToForm(undefined, []));

/** New equipment (optionally for ?customer= or ?site=) or edit. */
export function EquipmentForm({ id, customerId, siteId }: { id?: number; customerId?: number; siteId?: number }) {
  const rec = useQuery({ ...equipmentQueries.detail(id ?? 0), enabled: !!id });
  const site = useQuery({ ...siteQueries.detail(siteId ?? 0), enabled: !id && !!siteId });
  const cust = useQuery({ ...customerQueries.detail(customerId ?? 0), enabled: !id && !!customerId && !siteId });
  const defs = useQuery(customFieldQueries.byType('equipment'));
  const back = id
    ? { href: `/equipment/${id}`, label: 'Back to the equipment' }
    : siteId
      ? { href: `/sites/${siteId}`, label: 'Back to the site' }
      : customerId
        ? { href: `/customers/${customerId}`, label: 'Back to the customer' }
        : { href: '/equipment', label: 'Equipment' };
  const waiting =
    (id && !rec.data) ||
    (!id && siteId && !site.data && !site.error) ||
    (!id && !siteId && customerId && !cust.data && !cust.error) ||
    !defs.data;
  if (waiting)
    return (
      <DetailFallback
        error={rec.error ?? defs.error}
        onRetry={() => void (rec.refetch(), defs.refetch())}
        back={back}
      />
    );
  const preset: { customer?: RecordRefValue; site?: RecordRefValue } = site.data
    ? {
        site: { id: site.data.id, name: site.data.name, myId: site.data.myId },
        customer: { id: site.data.customer.id, name: site.data.customer.name ?? '' },
      }
    : cust.data
      ? { customer: { id: cust.data.id, name: cust.data.name, myId: cust.data.myId } }
      : {};
  return <EquipmentFormInner original={rec.data} defs={defs.data!} back={back} preset={preset} />;
}

function EquipmentFormInner({
  original: loaded,
  defs,
  back,
  preset,
}: {
  original?: Equipment;
  defs: CustomFieldDef[];
  back: { href: string; label: string };
  preset: { customer?: RecordRefValue; site?: RecordRefValue };
}) {
  const { original, conflicts, dialog } = useRecordConflicts('equipment', 'Equipment', loaded);
  const router = useRouter();
  const save = equipmentQueries.useSave();
  const form = useForm<EquipmentFormValues>({
    resolver: zodResolver(equipmentFormSchema(defs)) as Resolver<EquipmentFormValues>,
    defaultValues: equipmentToForm(original, defs, preset),
  });
  const customer = form.watch('customer');

  const onSubmit = form.handleSubmit(async (values) => {
    await saveRecord({
      form,
      body: equipmentPayload(values, defs, original),
      original,
      noun: 'Equipment',
      path: '/equipment',
      holderOfMyId: (myId) => equipmentQueries.holderOfMyId(myId),
      save: save.mutateAsync,
      fields: FIELDS,
      defs,
      go: (href) => router.push(href),
      conflicts: conflicts((r) => form.reset(equipmentToForm(r, defs, preset))),
    });
  });

  return (
    <>
      <DetailHeader back={back} title={original ? `Edit ${original.name}` : 'New equipment'} />
      <FormProvider {...form}>
        <form
          onSubmit={onSubmit}
          noValidate
          className="max-w-4xl space-y-4"
          aria-label={original ? 'Edit equipment' : 'New equipment'}
        >
          <FormErrorBanner checkHref={original ? `/equipment/${original.id}` : '/equipment'} />
          <FormSection title="Equipment" description="Equipment belongs to a customer, and may be on one of its sites.">
            <TextField name="name" label="Name" required className="sm:col-span-2" />
            <Controller
              control={form.control}
              name="customer"
              render={({ field, fieldState }) => (
                <Field label="Customer" error={fieldState.error?.message} hint="Choose a customer, a site, or both.">
                  {(p) => (
                    <RecordPicker
                      {...p}
                      kind="customers"
                      value={field.value}
                      onBlur={field.onBlur}
                      onChange={(v) => {
                        // The site list follows the customer: a site chosen for another customer cannot stay.
                        if (v?.id !== field.value?.id && form.getValues('site')) form.setValue('site', null);
                        field.onChange(v);
                      }}
                    />
                  )}
                </Field>
              )}
            />
            <Controller
              control={form.control}
              name="site"
              render={({ field, fieldState }) => (
                <Field
                  label="Site"
                  error={fieldState.error?.message}
                  hint={customer ? `Sites of ${customer.name}.` : undefined}
                >
                  {(p) => (
                    <RecordPicker
                      {...p}
                      kind="sites"
                      filter={customer ? { customer_id: customer.id } : undefined}
                      value={field.value}
                      onBlur={field.onBlur}
                      onChange={field.onChange}
                    />
                  )}
                </Field>
              )}
            />
            <TextField name="myId" label="My ID" hint="Your own reference; must be unique." />
            <TagsField />
          </FormSection>
          <CustomFieldsFields defs={defs} />
          <FormActions
            busy={form.formState.isSubmitting}
            cancelHref={back.href}
            submitLabel={original ? 'Save changes' : 'Create equipment'}
          />
        </form>
      </FormProvider>
      {dialog}
    </>
  );
}
