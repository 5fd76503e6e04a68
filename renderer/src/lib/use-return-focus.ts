// Focus return for a Radix dialog opened without a Dialog.Trigger (from a store, a menu, a shortcut): Radix
// then focuses nothing on close, and keyboard users land on <body>. The element focused when the dialog
// mounted gets focus back, if it is still in the document.
import { useRef } from 'react';

export function useReturnFocus(): (event: Event) => void {
  const opener = useRef<Element | null>(typeof document === 'undefined' ? null : document.activeElement);
  return (event) => {
    const element = opener.current;
    if (element instanceof HTMLElement && element.isConnected && element !== document.body) {
      event.preventDefault();
      element.focus();
    }
  };
}
