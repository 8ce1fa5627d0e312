import type { MouseEvent, ReactNode } from 'react';
import { navigate } from './navigation.js';

interface LinkProps {
  to: string;
  children: ReactNode;
  className?: string;
  title?: string;
}

/** A link inside the dashboard: a plain click navigates in the page, others open a tab. */
export function Link({ to, children, className, title }: LinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} title={title}>
      {children}
    </a>
  );
}
