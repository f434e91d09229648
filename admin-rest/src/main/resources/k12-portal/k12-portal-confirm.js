/* The page's one confirmation dialog (#k12-confirm), for anything that cannot be undone; window.confirm without it. */

import {t, tn} from './k12-portal-messages.js';
import {$} from './k12-portal-dom.js';

/**
 * Asks before something that cannot be undone. {@code action} runs inside the click on the confirming button, so
 * that it may still open a window (pop-up blockers allow that only during a click).
 */
export function confirmThen(titleKey, textKey, okKey, count, action) {
    var dialog = $('k12-confirm');
    var title = t(titleKey);
    var text = tn(textKey, count);
    if (typeof dialog.showModal !== 'function') {
        if (window.confirm(title + '\n\n' + text)) {
            action();
        }
        return;
    }
    $('k12-confirm-title').textContent = title;
    $('k12-confirm-text').textContent = text;
    $('k12-confirm-ok').textContent = t(okKey);
    dialog.k12Action = action;
    dialog.showModal();
    $('k12-confirm-cancel').focus();
}

function onConfirm(ok) {
    var dialog = $('k12-confirm');
    var action = dialog.k12Action;
    dialog.k12Action = null;
    dialog.close();
    if (ok && action) {
        action();
    }
}

export function bindConfirm() {
    $('k12-confirm-ok').addEventListener('click', function () {
        onConfirm(true);
    });
    $('k12-confirm-cancel').addEventListener('click', function () {
        onConfirm(false);
    });
    $('k12-confirm').addEventListener('cancel', function () {
        $('k12-confirm').k12Action = null;
    });
}
