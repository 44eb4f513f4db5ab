import { useEffect } from 'react';
import { staffTexts } from '../texts/index.ts';

/** The document title of a console page; "Fout:" in front while the page shows errors. */
export function useTitle(page: string, hasErrors = false): void {
  useEffect(() => {
    document.title = hasErrors ? staffTexts.documentTitleError(page) : staffTexts.documentTitle(page);
  }, [page, hasErrors]);
}
