import { Fragment } from 'react';
import { Modal } from '../../../components/ui/modal';
import { SHORTCUT_HELP } from '../utils/keyboard-shortcuts';

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
