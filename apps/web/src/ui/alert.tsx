import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';

export interface AlertProps extends HTMLAttributes<HTMLDivElement> {
  type: 'info' | 'ok' | 'warning' | 'error';
  children: ReactNode;
}

/** The NL Design System alert (utrecht-alert CSS) with its content/message structure. */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { type, children, className, ...rest },
  ref,
) {
  return (
    <div
      ref={ref}
      {...rest}
      className={`utrecht-alert utrecht-alert--${type}${className ? ` ${className}` : ''}`}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
});
