/*
 * Regenerate Student Default Passwords, for LEA administrators (state.me.canVoidSchool): the request form, the PSU's
 * request history (polled while a request waits or runs), and one request's new defaults, shown on demand, downloadable
 * as CSV and hidden again on request. Calls ../k12-default-passwords/ beside the badge API.
 */

import {state} from './k12-portal-state.js';
import {ApiError, api, apiJson, problemMessage, showProblem} from './k12-portal-api.js';
import {formatDate, formatNumber, gradeLabel, messageText, t} from './k12-portal-messages.js';
import {$, cell} from './k12-portal-dom.js';

const REGEN = '../k12-default-passwords/';

var regenTimer = null;
var shownRequest = null;
var csvUrl = null;

export function loadRegen() {
    var select = $('k12-regen-psu');
    select.textContent = '';
    (state.me.psus || []).forEach(function (psu) {
        var option = document.createElement('option');
        option.value = psu.code;
        option.textContent = t('k12.portal.filters.schoolOption', {name: psu.name || psu.code, code: psu.code});
        select.appendChild(option);
    });
    $('k12-regen').hidden = false;
    return loadRegenHistory();
}

function loadRegenHistory() {
    var psu = $('k12-regen-psu').value;
    if (!psu) {
        return Promise.resolve();
    }
    return apiJson('GET', REGEN + 'requests?psu=' + encodeURIComponent(psu)).then(function (answer) {
        renderRegenHistory(answer.requests || []);
    }, function (failure) {
        renderRegenHistory([]);
        if (!(failure instanceof ApiError && failure.status === 404)) {
            showProblem(failure, 'load');
        }
    });
}

/** A table body's one row saying there is nothing to show. */
function emptyRow(rows, columns, messageKey) {
    var empty = document.createElement('tr');
    var td = document.createElement('td');
    td.colSpan = columns;
    td.textContent = t(messageKey);
    empty.appendChild(td);
    rows.appendChild(empty);
}

function renderRegenHistory(requests) {
    var rows = $('k12-regen-rows');
    // redrawn every 2 s while a request runs: a "View new defaults" that has the focus keeps it in the new rows
    var focused = rows.contains(document.activeElement) ? document.activeElement.getAttribute('data-request') : null;
    rows.textContent = '';
    if (requests.length === 0) {
        emptyRow(rows, 6, 'k12.portal.regen.none');
    }
    var busy = false;
    requests.forEach(function (request) {
        var tr = document.createElement('tr');
        tr.id = 'k12-regen-' + request.id;
        cell(tr, 'k12.portal.regen.col.submitted', formatDate(request.createdAt));
        cell(tr, 'k12.portal.regen.col.what', t('k12.portal.regen.what', {
            campuses: (request.campusCodes || []).join(', ') || t('k12.portal.regen.allSchools'),
            grades: (request.gradeLevels || []).map(gradeLabel).join(', ') || t('k12.portal.regen.allGrades'),
            reset: request.resetPasswords ? t('k12.portal.regen.withReset') : ''
        }));
        cell(tr, 'k12.portal.regen.col.status', t('k12.portal.regen.status.' + request.status));
        var counts = request.counts || {};
        cell(tr, 'k12.portal.regen.col.counts', t('k12.portal.regen.counts', {
            regenerated: formatNumber(counts.regenerated || 0), targeted: formatNumber(counts.targeted || 0),
            reset: formatNumber(counts.reset || 0), failed: formatNumber(counts.failed || 0)
        }));
        cell(tr, 'k12.portal.regen.col.requester', request.requester || '');
        var defaults = cell(tr, 'k12.portal.regen.col.defaults');
        if ((counts.regenerated || 0) > 0 && request.status !== 'queued') {
            var view = document.createElement('button');
            view.type = 'button';
            view.className = 'k12-button k12-button-secondary k12-regen-view';
            view.textContent = t('k12.portal.regen.defaults.view');
            view.setAttribute('aria-label', t('k12.portal.regen.defaults.viewLabel', {date: formatDate(request.createdAt)}));
            view.setAttribute('data-request', request.id);
            view.addEventListener('click', function () {
                showDefaults(request);
            });
            defaults.appendChild(view);
            if (focused === request.id) {
                view.focus();
            }
        }
        rows.appendChild(tr);
        busy = busy || request.status === 'queued' || request.status === 'running';
    });
    window.clearTimeout(regenTimer);
    if (busy) {
        regenTimer = window.setTimeout(loadRegenHistory, 2000);
    }
}

// The new defaults of one request's students: shown on demand, downloadable as CSV, hidden again on request.

function showDefaults(request) {
    shownRequest = request;
    hideCsv();
    apiJson('GET', REGEN + 'students?request=' + encodeURIComponent(request.id)).then(function (answer) {
        var students = answer.students || [];
        var rows = $('k12-regen-defaults-rows');
        rows.textContent = '';
        if (students.length === 0) {
            emptyRow(rows, 5, 'k12.portal.regen.defaults.none');
        }
        students.forEach(function (student) {
            var tr = document.createElement('tr');
            cell(tr, 'k12.portal.regen.defaults.col.username', student.username || '');
            cell(tr, 'k12.portal.regen.defaults.col.name', [student.firstName, student.lastName].filter(Boolean).join(' '));
            cell(tr, 'k12.portal.regen.defaults.col.school', student.school || '');
            cell(tr, 'k12.portal.regen.defaults.col.grade', student.grade === undefined || student.grade === null ? '' : gradeLabel(student.grade));
            var password = cell(tr, 'k12.portal.regen.defaults.col.password', student.defaultPassword || '');
            password.className = 'k12-password';
            password.setAttribute('translate', 'no');
            rows.appendChild(tr);
        });
        var more = $('k12-regen-defaults-more');
        more.hidden = !(answer.total > students.length);
        more.textContent = more.hidden ? '' : t('k12.portal.regen.defaults.more', {shown: students.length, total: answer.total});
        var title = $('k12-regen-defaults-title');
        title.textContent = t('k12.portal.regen.defaults.title', {date: formatDate(request.createdAt)});
        $('k12-regen-defaults').hidden = false;
        title.focus();
    }, function (failure) {
        showProblem(failure, 'load');
    });
}

function hideCsv() {
    if (csvUrl) {
        URL.revokeObjectURL(csvUrl);
        csvUrl = null;
    }
    var link = $('k12-regen-csv-link');
    link.hidden = true;
    link.href = '#';
}

function hideDefaults() {
    hideCsv();
    shownRequest = null;
    $('k12-regen-defaults-rows').textContent = '';
    $('k12-regen-defaults').hidden = true;
    $('k12-regen-title').focus();
}

function downloadDefaults() {
    if (!shownRequest) {
        return;
    }
    hideCsv();
    api('GET', REGEN + 'students.csv?request=' + encodeURIComponent(shownRequest.id)).then(function (response) {
        return response.blob().then(function (blob) {
            csvUrl = URL.createObjectURL(new Blob([blob], {type: 'text/csv'}));
            var link = $('k12-regen-csv-link');
            link.href = csvUrl;
            link.download = 'k12-default-passwords.csv';
            link.hidden = false;
            link.click();
            link.focus();
        });
    }).catch(function (failure) {
        showProblem(failure, 'load');
    });
}

/** The form's fields by the names the API gives them in its problems, as the ends of their ids and message keys. */
const FIELDS = {psuCode: 'psu', campusCodes: 'campuses', gradeLevels: 'grades', comments: 'comments'};

/**
 * Marks the fields in error (ends of their ids: 'campuses', 'grades', ...) invalid, described by the status line that
 * names them, and moves the focus to the first; with none, clears the marks.
 */
function markInvalid(fields) {
    Object.keys(FIELDS).forEach(function (name) {
        var field = $('k12-regen-' + FIELDS[name]);
        var hint = $('k12-regen-' + FIELDS[name] + '-hint');
        var invalid = fields.indexOf(FIELDS[name]) >= 0;
        field.setAttribute('aria-invalid', invalid ? 'true' : 'false');
        var describedBy = (hint ? ['k12-regen-' + FIELDS[name] + '-hint'] : []).concat(invalid ? ['k12-regen-status'] : []);
        if (describedBy.length) {
            field.setAttribute('aria-describedby', describedBy.join(' '));
        } else {
            field.removeAttribute('aria-describedby');
        }
    });
    if (fields.length) {
        $('k12-regen-' + fields[0]).focus();
    }
}

function submitRegen(event) {
    event.preventDefault();
    var form = {
        psuCode: $('k12-regen-psu').value,
        campusCodes: $('k12-regen-campuses').value,
        gradeLevels: $('k12-regen-grades').value,
        resetPasswords: $('k12-regen-reset').checked,
        forceChange: $('k12-regen-force').checked,
        comments: $('k12-regen-comments').value
    };
    var status = $('k12-regen-status');
    status.className = '';
    status.textContent = '';
    markInvalid([]);
    $('k12-regen-submit').disabled = true;
    apiJson('POST', REGEN + 'requests', form).then(function () {
        status.className = 'k12-status-success';
        status.textContent = t('k12.portal.regen.submitted');
        return loadRegenHistory();
    }, function (failure) {
        status.className = 'k12-status-error';
        if (failure instanceof ApiError && failure.status === 400 && failure.body.problems) {
            var fields = failure.body.problems.map(function (p) {
                return FIELDS[p.field] || 'comments';
            });
            status.textContent = t('k12.portal.regen.invalid', {problems: failure.body.problems.map(function (p, i) {
                return t('k12.portal.regen.' + fields[i]) + (p.value ? ' "' + p.value + '"' : '');
            }).join(', ')});
            markInvalid(fields);
        } else {
            status.textContent = messageText(problemMessage(failure, 'change'));
        }
    }).then(function () {
        $('k12-regen-submit').disabled = false;
    });
}

export function bindRegeneration() {
    $('k12-regen-form').addEventListener('submit', submitRegen);
    $('k12-regen-csv').addEventListener('click', downloadDefaults);
    $('k12-regen-defaults-close').addEventListener('click', hideDefaults);
    $('k12-regen-psu').addEventListener('change', loadRegenHistory);
}
