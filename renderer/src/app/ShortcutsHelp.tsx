/** The keyboard shortcuts, on `?` (when not typing) or from the button in the sidebar. */
import { useEffect, useRef } from 'react';
import { Kbd } from '../ui/Kbd';

const SHORTCUTS: [string[], string][] = [
  [['Alt', '↓'], 'Next step'],
  [['Alt', '↑'], 'Previous step'],
  [['J', '/', 'K'], 'Next / previous step (outside the terminal)'],
  [['Ctrl', 'Enter'], 'Run the highlighted command in the terminal'],
  [['Ctrl', '`'], 'Focus the terminal'],
  [['Ctrl', 'Shift', 'L'], 'Leave the terminal (it keeps Tab for the shell): back to the selected step'],
  [['←', '/', '→'], 'Another terminal tab (on the tab strip)'],
  [['Delete'], 'Close the focused terminal tab'],
  [['Ctrl', 'Shift', 'F'], 'Find in the terminal'],
  [['?'], 'Show these shortcuts'],
];

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="confirm-dialog shortcuts" aria-label="Keyboard shortcuts" onClose={onClose} onCancel={onClose}>
      <h2 className="confirm-title">Keyboard shortcuts</h2>
      <table className="shortcuts-table">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <td>{keys.map((k, i) => (k === '/' ? <span key={i}> / </span> : <Kbd key={i}>{k}</Kbd>))}</td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts-note">On a Mac, ⌘ works where Ctrl is shown for Enter.</p>
      <div className="confirm-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
