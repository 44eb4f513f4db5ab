import { useEffect } from 'react';
import { consoleTexts } from '../texts/index.ts';

/** The document title of a console page; "Fout:" in front while the page shows errors. */
export function useTitle(page: string, hasErrors = false): void {
  useEffect(() => {
    document.title = hasErrors ? consoleTexts.documentTitleError(page) : consoleTexts.documentTitle(page);
  }, [page, hasErrors]);
}
