'use client';

import { type ReactNode, useRef } from 'react';
import { useNearViewport } from '../hooks/useNearViewport';

/**
 * Renders `children` once this box nears the screen, `placeholder` (of the same size) before: for views
 * whose code is worth fetching only when they are about to be seen (the charts, with recharts).
 */
export function WhenNear({
  className,
  placeholder,
  children,
}: {
  className?: string;
  placeholder: ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  return (
    <div ref={ref} className={className}>
      {near ? children : placeholder}
    </div>
  );
}
