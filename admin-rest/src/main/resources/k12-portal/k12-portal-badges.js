/*
 * What may be done with the selected students' badges: print them (a PDF, opened in a new window and linked on the
 * page), print new ones (the old ones stop working) and void them, each of the last two confirmed first.
 */

import {state} from './k12-portal-state.js';
import {ApiError, api, apiJson, showProblem} from './k12-portal-api.js';
import {setStatus} from './k12-portal-status.js';
import {formatNumber, t} from './k12-portal-messages.js';
import {$} from './k12-portal-dom.js';
import {loadStudents} from './k12-portal-students.js';
import {confirmThen} from './k12-portal-confirm.js';

const MAX_PRINT = 2000;

var pdfUrl = null;

function chosen() {
    var ids = Array.from(state.selected.keys());
    if (ids.length === 0) {
        setStatus('error', [['k12.portal.print.noneSelected']]);
        return null;
    }
    if (ids.length > MAX_PRINT) {
        setStatus('error', [['k12.portal.print.tooMany', {max: formatNumber(MAX_PRINT)}]]);
        return null;
    }
    return ids;
}

/** Opened during the click, before the PDF exists, so that no pop-up blocker stops it; may be null. */
function openPdfWindow() {
    var win = null;
    try {
        win = window.open('', '_blank');
    } catch (e) {
        win = null;
    }
    if (win) {
        try {
            win.document.title = t('k12.portal.print.preparing');
            var note = win.document.createElement('p');
            note.textContent = t('k12.portal.print.preparing');
            win.document.body.appendChild(note);
        } catch (e) {
            // a browser that does not let us write there still shows the PDF later
        }
    }
    return win;
}

/** Takes the last PDF's link off the page and lets its bytes go. */
export function hidePdf() {
    if (pdfUrl) {
        URL.revokeObjectURL(pdfUrl);
        pdfUrl = null;
    }
    var link = $('k12-pdf-link');
    link.removeAttribute('href');
    link.removeAttribute('download');
    $('k12-pdf').hidden = true;
}

function pdfFileName(disposition) {
    var match = /filename="?([^";]+)"?/i.exec(disposition || '');
    var name = match ? match[1].replace(/[^A-Za-z0-9._-]/g, '-') : '';
    return /\.pdf$/i.test(name) ? name : 'k12-badges.pdf';
}

function print(renew) {
    var ids = chosen();
    if (!ids) {
        return;
    }
    if (renew) {
        confirmThen('k12.portal.confirm.renew.title', 'k12.portal.confirm.renew.text', 'k12.portal.print.printNew',
            ids.length, function () {
                sendPrint(ids, true);
            });
    } else {
        sendPrint(ids, false);
    }
}

function sendPrint(ids, renew) {
    var win = openPdfWindow();
    hidePdf();
    setStatus('info', [['k12.portal.print.working', ids.length]]);
    setBusy(true);
    api('POST', 'print', {userIds: ids, layout: $('k12-layout').value, paper: $('k12-paper').value, renew: renew})
        .then(function (response) {
            var printed = Number(response.headers.get('X-K12-Badges-Printed'));
            var skipped = Number(response.headers.get('X-K12-Badges-Skipped')) || 0;
            var name = pdfFileName(response.headers.get('Content-Disposition'));
            return response.blob().then(function (blob) {
                pdfUrl = URL.createObjectURL(new Blob([blob], {type: 'application/pdf'}));
                var link = $('k12-pdf-link');
                link.href = pdfUrl;
                link.download = name;
                $('k12-pdf').hidden = false;
                if (win && !win.closed) {
                    win.location.href = pdfUrl;
                }
                var parts = [['k12.portal.print.printed', isNaN(printed) ? ids.length : printed]];
                if (skipped > 0) {
                    parts.push(['k12.portal.print.skipped', skipped]);
                }
                setStatus('success', parts);
                return loadStudents();
            });
        })
        .catch(function (failure) {
            if (win && !win.closed) {
                win.close();
            }
            showProblem(failure, 'change');
            if (failure instanceof ApiError && failure.status === 404) {
                loadStudents();
            }
        })
        .then(function () {
            setBusy(false);
        });
}

function voidBadges() {
    var ids = chosen();
    if (!ids) {
        return;
    }
    confirmThen('k12.portal.confirm.void.title', 'k12.portal.confirm.void.text', 'k12.portal.print.void', ids.length,
        function () {
            setBusy(true);
            apiJson('POST', 'void', {userIds: ids}).then(function (answer) {
                var voided = Number(answer.voided) || 0;
                setStatus('success', [voided > 0 ? ['k12.portal.void.done', voided] : ['k12.portal.void.none']]);
                return loadStudents();
            }).catch(function (failure) {
                showProblem(failure, 'change');
            }).then(function () {
                setBusy(false);
            });
        });
}

function setBusy(busy) {
    ['k12-print', 'k12-print-new', 'k12-void'].forEach(function (id) {
        $(id).disabled = busy;
    });
    $('k12-actions').setAttribute('aria-busy', busy ? 'true' : 'false');
}

export function bindBadges() {
    $('k12-print').addEventListener('click', function () {
        print(false);
    });
    $('k12-print-new').addEventListener('click', function () {
        print(true);
    });
    $('k12-void').addEventListener('click', voidBadges);
}
