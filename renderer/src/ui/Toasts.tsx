/**
 * Short notices after an action ("Removed web", "Reset failed: ..."), announced politely to
 * screen readers and gone after a few seconds. One provider for the app; `useToast` to post.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import './toasts.css';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'ok' | 'bad';
}

type Post = (text: string, tone?: Toast['tone']) => void;

const ToastContext = createContext<Post>(() => undefined);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const post = useCallback<Post>(
    (text, tone = 'info') => {
      const id = next.current++;
      setToasts((list) => [...list.slice(-3), { id, text, tone }]);
      window.setTimeout(() => dismiss(id), tone === 'bad' ? 9000 : 5000);
    },
    [dismiss],
  );
  const value = useMemo(() => post, [post]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            <span>{toast.text}</span>
            <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Post {
  return useContext(ToastContext);
}
