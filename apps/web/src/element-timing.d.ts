// The Element Timing API's attribute (https://w3c.github.io/element-timing/), which React passes on as
// it is: marks an element whose paint time a PerformanceObserver of type 'element' reports (used by
// `pnpm bench:form` for step 1's heading).
import 'react';

declare module 'react' {
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
