/* The page's status line: one aria-live region (#k12-status), polite for news and assertive for errors. */

import {$} from './k12-portal-dom.js';
import {messageText} from './k12-portal-messages.js';

var lastStatus = null;

/** Shows messages in the live region: parts are [key, params] or [key, count, params] (counted). */
export function setStatus(kind, parts) {
    lastStatus = {kind: kind, parts: parts};
    renderStatus();
}

export function renderStatus() {
    var box = $('k12-status');
    if (!lastStatus) {
        box.textContent = '';
        box.className = 'k12-status';
        return;
    }
    box.textContent = lastStatus.parts.map(messageText).join(' ');
    box.className = 'k12-status k12-status-' + lastStatus.kind;
    box.setAttribute('aria-live', lastStatus.kind === 'error' ? 'assertive' : 'polite');
}
