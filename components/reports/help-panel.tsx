'use client';

import { HelpCircle } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { KpiDefinitionsList } from './kpi-definitions-list';

/** Every definition in one place, with its formula. */
export function HelpPanel({ toleranceMin }: { toleranceMin: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} className="print:hidden">
        <HelpCircle className="size-4" aria-hidden="true" />
        Definitions
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="How each figure is computed" className="max-w-3xl">
        <div className="max-h-[65vh] overflow-y-auto pr-1">
          <KpiDefinitionsList toleranceMin={toleranceMin} />
        </div>
      </Dialog>
    </>
  );
}
