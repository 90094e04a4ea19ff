/**
 * Paper layout for the print view: the console's header and navigation are not printed, and the page uses the
 * whole sheet. (A `print:hidden` on the shell itself would be cleaner; the shell belongs to the layout owners.)
 */
export function PrintStyles() {
  return (
    <style>{`
      @media print {
        body header, body nav, .skip-link { display: none !important; }
        body main { padding: 0 !important; }
        @page { margin: 12mm; }
      }
    `}</style>
  );
}
