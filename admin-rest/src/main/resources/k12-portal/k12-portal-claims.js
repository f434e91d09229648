/*
 * Claiming, for LEA administrators (state.me.canVoidSchool): parents and guardians, one school's at a time (linked
 * students, claimed or not, when the current claim code was sent), a claim code to one guardian or to every unclaimed
 * guardian of the school; and "Reset claim" and "Clear questions" for a student of the list. Calls ../k12-claims/ beside the badge API. The
 * codes go by email; they are never on the page.
 */

import {state} from './k12-portal-state.js';
import {ApiError, api, apiJson, problemMessage, showProblem} from './k12-portal-api.js';
import {confirmThen} from './k12-portal-confirm.js';
import {setStatus} from './k12-portal-status.js';
import {loadStudents} from './k12-portal-students.js';
import {formatDate, formatNumber, messageText, t} from './k12-portal-messages.js';
import {$, cell} from './k12-portal-dom.js';

const CLAIMS = '../k12-claims/';

var shown = [];

export function loadGuardians() {
    var select = $('k12-guardians-school');
    if (!select.options.length) {
        (state.me.schools || []).forEach(function (school) {
            var option = document.createElement('option');
            option.value = school.code;
            option.textContent = t('k12.portal.filters.schoolOption', {name: school.name || school.code, code: school.code});
            select.appendChild(option);
        });
    }
    $('k12-guardians').hidden = false;
    return listGuardians();
}

function listGuardians() {
    var school = $('k12-guardians-school').value;
    if (!school) {
        shown = [];
        renderGuardians();
        return Promise.resolve();
    }
    return apiJson('GET', CLAIMS + 'guardians?school=' + encodeURIComponent(school)).then(function (answer) {
        shown = answer.guardians || [];
        renderGuardians();
    }, function (failure) {
        shown = [];
        renderGuardians();
        say('error', messageText(problemMessage(failure, 'load')));
    });
}

export function redrawGuardians() {
    if (!$('k12-guardians').hidden) {
        renderGuardians();
    }
}

function renderGuardians() {
    var rows = $('k12-guardians-rows');
    rows.textContent = '';
    if (shown.length === 0) {
        var empty = document.createElement('tr');
        var td = document.createElement('td');
        td.colSpan = 4;
        td.textContent = t('k12.portal.guardians.none');
        empty.appendChild(td);
        rows.appendChild(empty);
    }
    shown.forEach(function (guardian) {
        var tr = document.createElement('tr');
        cell(tr, 'k12.portal.guardians.col.name', guardian.name || guardian.username);
        cell(tr, 'k12.portal.guardians.col.students', (guardian.students || []).join(', '));
        cell(tr, 'k12.portal.guardians.col.status', guardian.claimed ? t('k12.portal.guardians.claimed')
            : guardian.codeSentAt ? t('k12.portal.guardians.codeSent', {date: formatDate(guardian.codeSentAt)})
                : guardian.hasEmail ? t('k12.portal.guardians.noCode') : t('k12.portal.guardians.noEmail'));
        var actions = cell(tr, 'k12.portal.guardians.col.code');
        if (!guardian.claimed && guardian.hasEmail) {
            var send = document.createElement('button');
            send.type = 'button';
            send.className = 'k12-button k12-button-secondary';
            send.setAttribute('data-guardian', guardian.id);
            send.textContent = t(guardian.codeSentAt ? 'k12.portal.guardians.sendAgain' : 'k12.portal.guardians.send');
            send.addEventListener('click', function () {
                sendOne(guardian, send);
            });
            actions.appendChild(send);
        }
        rows.appendChild(tr);
    });
    $('k12-guardians-send-all').disabled = !shown.some(function (g) {
        return !g.claimed && g.hasEmail;
    });
}

function say(kind, text) {
    var status = $('k12-guardians-status');
    status.className = kind ? 'k12-status-' + kind : '';
    status.setAttribute('aria-live', kind === 'error' ? 'assertive' : 'polite');
    status.textContent = text;
}

function sendOne(guardian, button) {
    button.disabled = true;
    say('', '');
    apiJson('POST', CLAIMS + 'guardians/' + encodeURIComponent(guardian.id) + '/code').then(function () {
        say('success', t('k12.portal.guardians.sentOne', {name: guardian.name || guardian.username}));
        return listGuardians();
    }, function (failure) {
        button.disabled = false;
        say('error', failureText(failure));
    }).then(function () {
        // the row was redrawn: the focus goes back to its button
        var again = document.querySelector('#k12-guardians-rows button[data-guardian="' + guardian.id + '"]');
        (again || $('k12-guardians-title')).focus();
    });
}

function sendAll() {
    var button = $('k12-guardians-send-all');
    button.disabled = true;
    say('', '');
    apiJson('POST', CLAIMS + 'guardians/codes?school=' + encodeURIComponent($('k12-guardians-school').value)).then(function (answer) {
        var parts = [t('k12.portal.guardians.sentAll', {count: formatNumber(answer.sent || 0)})];
        if ((answer.failed || []).length) {
            parts.push(t('k12.portal.guardians.someFailed', {count: formatNumber(answer.failed.length)}));
        }
        say((answer.failed || []).length ? 'error' : 'success', parts.join(' '));
        return listGuardians();
    }, function (failure) {
        say('error', failureText(failure));
    }).then(function () {
        button.disabled = false;
        button.focus();
    });
}

function failureText(failure) {
    if (failure instanceof ApiError && failure.status === 502) {
        return t('k12.portal.guardians.emailFailed');
    }
    if (failure instanceof ApiError && failure.status === 409 && failure.error === 'claimed') {
        return t('k12.portal.guardians.alreadyClaimed');
    }
    return messageText(problemMessage(failure, 'change'));
}

export function forgetGuardians() {
    shown = [];
    $('k12-guardians-rows').textContent = '';
    $('k12-guardians').hidden = true;
}

/** "Reset claim" for one student of the list: after a confirmation they claim their account again at the next sign-in. */
export function resetClaimButton(student) {
    return studentAction(student, 'k12-reset-claim', 'claim', 'k12.portal.claims.reset', 'k12.portal.claims.resetFor',
        'k12.portal.confirm.resetClaim.title', 'k12.portal.confirm.resetClaim.text', 'k12.portal.claims.resetDone');
}

/** "Clear questions" for one student of the list: after a confirmation they set new challenge questions at the next sign-in. */
export function clearQuestionsButton(student) {
    return studentAction(student, 'k12-clear-questions', 'challenge-questions', 'k12.portal.questions.clear',
        'k12.portal.questions.clearFor', 'k12.portal.confirm.clearQuestions.title', 'k12.portal.confirm.clearQuestions.text',
        'k12.portal.questions.cleared');
}

/**
 * A button of one student's row that, after a confirmation (messages {@code confirmTitle} and {@code confirmText}), sends
 * DELETE ../k12-claims/users/{id}/{what}, says {@code done} and lists the students again.
 */
function studentAction(student, className, what, label, labelFor, confirmTitle, confirmText, done) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'k12-button k12-button-secondary ' + className;
    button.textContent = t(label);
    button.setAttribute('aria-label', t(labelFor, {name: [student.firstName, student.lastName].filter(Boolean).join(' ')}));
    button.addEventListener('click', function () {
        confirmThen(confirmTitle, confirmText, label, 1,
            function () {
                button.disabled = true;
                api('DELETE', CLAIMS + 'users/' + encodeURIComponent(student.id) + '/' + what).then(function () {
                    setStatus('success', [[done, 1]]);
                    return loadStudents();
                }).catch(function (failure) {
                    button.disabled = false;
                    showProblem(failure, 'change');
                }).then(function () {
                    $('k12-students-title').focus();
                });
            });
    });
    return button;
}

export function bindGuardians() {
    $('k12-guardians-school').addEventListener('change', function () {
        say('', '');
        listGuardians();
    });
    $('k12-guardians-send-all').addEventListener('click', sendAll);
}
