/**
 * Moves focus to the field with this id: the element itself when it is a form control, else the
 * control inside it that the resident most likely wants (marked, checked, or the first one).
 */
export function focusField(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  const control =
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLButtonElement
      ? el
      : (el.querySelector<HTMLElement>('[data-error-focus]') ??
        el.querySelector<HTMLElement>('input:checked') ??
        el.querySelector<HTMLElement>('input, textarea, select, button, [tabindex]:not([tabindex="-1"])') ??
        el);
  if (control === el && el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.tabIndex = -1;
  control.focus();
  el.scrollIntoView?.({ block: 'center' });
  return true;
}
