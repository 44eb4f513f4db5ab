import { useEffect } from 'react';
import { bt } from './texts-nl.ts';

/** The document title of a console page; "Fout:" in front while the page shows errors. */
export function useTitle(page: string, hasErrors = false): void {
  useEffect(() => {
    document.title = hasErrors ? bt.documentTitleError(page) : bt.documentTitle(page);
  }, [page, hasErrors]);
}
