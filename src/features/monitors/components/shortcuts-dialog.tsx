import { Fragment } from 'react';
import { Modal } from '../../../components/ui/modal';

interface ShortcutHelp {
  keys: string[];
  description: string;
  /** Only for users who may mute (responders and admins). */
  needsMute?: boolean;
}

/**
 * Every key the list understands (utils/keyboard-shortcuts maps them), in the order listed here.
 * Kept with the dialog, so the descriptions load with it and not with the list.
 */
const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { keys: ['j'], description: 'Move to the next monitor' },
  { keys: ['k'], description: 'Move to the previous monitor' },
  { keys: ['Enter'], description: 'Open the monitor you are on' },
  { keys: ['x'], description: 'Select or deselect the monitor you are on', needsMute: true },
  { keys: ['Shift', 'x'], description: 'Select the range from the last selected monitor to this one', needsMute: true },
  { keys: ['m'], description: 'Mute the selection (or this monitor) for the last duration you used', needsMute: true },
  { keys: ['u'], description: 'Unmute the selection (or this monitor), after a confirmation', needsMute: true },
  { keys: ['/'], description: 'Search monitors' },
  { keys: ['?'], description: 'Show these keyboard shortcuts' },
  { keys: ['Esc'], description: 'Close a dialog, or leave the monitor you are on' },
];

interface ShortcutsDialogProps {
  /** Whether this user may select, mute and unmute; the other keys are marked as not available. */
  canMute: boolean;
  onClose: () => void;
}

/** "?" on the monitor list: every key it understands. */
export function ShortcutsDialog({ canMute, onClose }: ShortcutsDialogProps) {
  return (
    <Modal
      title="Keyboard shortcuts"
      onClose={onClose}
      footer={
        <button type="button" className="btn btn--primary" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      <p className="muted-text">They work on the monitor list whenever you are not typing in a field.</p>
      <dl className="shortcuts">
        {SHORTCUT_HELP.map((s) => (
          <div key={s.keys.join('+')} className={`shortcuts__item${s.needsMute && !canMute ? ' is-unavailable' : ''}`}>
            <dt className="shortcuts__keys">
              {s.keys.map((k, i) => (
                <Fragment key={k}>
                  {i > 0 && ' + '}
                  <kbd>{k}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd className="shortcuts__what">
              {s.description}
              {s.needsMute && !canMute && <span className="muted-text"> (responders and admins only)</span>}
            </dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
