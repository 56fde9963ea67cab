// Types of e2e/pdf-fixtures.mjs, for the unit tests that import it.
export const REPORT_PAGES: string[][][];
export const REPORT_TITLE: string;
export function reportPdf(): Promise<Uint8Array>;
export function scannedPdf(): Promise<Uint8Array>;
