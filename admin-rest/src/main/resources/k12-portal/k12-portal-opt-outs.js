/*
 * Badge opt-outs by grade, for those who manage them (state.me.canManageOptOuts): one group of grade boxes per PSU,
 * each saved on its own, with its own status line.
 */

import {state} from './k12-portal-state.js';
import {ApiError, apiJson, problemMessage, showProblem} from './k12-portal-api.js';
import {sessionEnded} from './k12-portal-sign-in.js';
import {gradeLabel, messageText, t} from './k12-portal-messages.js';
import {$} from './k12-portal-dom.js';
import {loadStudents} from './k12-portal-students.js';

export function loadOptOuts() {
    return apiJson('GET', 'opt-outs').then(function (answer) {
        state.optOuts = answer;
        (answer.psus || []).forEach(function (psu) {
            psu.checked = (psu.grades || []).map(String);
        });
        $('k12-optouts').hidden = false;
        renderOptOuts();
    }, function (failure) {
        $('k12-optouts').hidden = true;
        if (!(failure instanceof ApiError && failure.status === 403)) {
            showProblem(failure, 'optOuts');
        }
    });
}

function renderOptOuts() {
    var optOuts = state.optOuts;
    var list = $('k12-optouts-list');
    list.textContent = '';
    (optOuts.psus || []).forEach(function (psu) {
        var group = document.createElement('fieldset');
        group.className = 'k12-optout';
        var legend = document.createElement('legend');
        legend.textContent = t('k12.portal.optOuts.psu', {name: psu.name || psu.code, code: psu.code});
        group.appendChild(legend);
        var grid = document.createElement('div');
        grid.className = 'k12-optout-grades';
        (optOuts.eligibleGrades || []).forEach(function (grade, index) {
            var wrap = document.createElement('div');
            wrap.className = 'k12-check';
            var box = document.createElement('input');
            box.type = 'checkbox';
            box.id = 'k12-optout-' + psu.code + '-' + index;
            box.value = String(grade);
            box.checked = psu.checked.indexOf(String(grade)) >= 0;
            box.addEventListener('change', function () {
                psu.checked = Array.prototype.slice.call(grid.querySelectorAll('input:checked')).map(function (b) {
                    return b.value;
                });
            });
            var label = document.createElement('label');
            label.htmlFor = box.id;
            label.textContent = gradeLabel(grade);
            wrap.appendChild(box);
            wrap.appendChild(label);
            grid.appendChild(wrap);
        });
        group.appendChild(grid);
        var save = document.createElement('button');
        save.type = 'button';
        save.id = 'k12-optout-save-' + psu.code;
        save.className = 'k12-button k12-button-primary';
        save.textContent = t('k12.portal.optOuts.save');
        var note = document.createElement('p');
        note.className = 'k12-optout-status' + (psu.note ? ' k12-status-' + psu.note.kind : '');
        note.id = 'k12-optout-status-' + psu.code;
        note.setAttribute('role', 'status');
        note.setAttribute('aria-live', 'polite');
        note.textContent = psu.note ? noteText(psu) : '';
        save.addEventListener('click', function () {
            saveOptOut(psu, save);
        });
        group.appendChild(save);
        group.appendChild(note);
        list.appendChild(group);
    });
}

function noteText(psu) {
    if (psu.note.kind === 'error') {
        return messageText(psu.note.message);
    }
    var grades = (psu.grades || []).map(gradeLabel).join(', ');
    return grades ? t('k12.portal.optOuts.saved', {grades: grades}) : t('k12.portal.optOuts.savedNone');
}

function saveOptOut(psu, button) {
    button.disabled = true;
    var grades = psu.checked.map(Number).sort(function (a, b) {
        return a - b;
    });
    apiJson('PUT', 'opt-outs/' + encodeURIComponent(psu.code), {grades: grades}).then(function (answer) {
        psu.grades = answer.grades || grades;
        psu.checked = psu.grades.map(String);
        psu.note = {kind: 'success'};
        renderOptOuts();
        $('k12-optout-save-' + psu.code).focus();
        return loadStudents();
    }, function (failure) {
        if (failure instanceof ApiError && failure.status === 401) {
            sessionEnded();
            return;
        }
        psu.note = {kind: 'error', message: problemMessage(failure, 'optOuts')};
        renderOptOuts();
        $('k12-optout-save-' + psu.code).focus();
    });
}

/** Draws the groups again in a new language, once they are loaded. */
export function redrawOptOuts() {
    if (state.optOuts) {
        renderOptOuts();
    }
}

/** When the session ends: no PSU's groups are left on the page. */
export function forgetOptOuts() {
    $('k12-optouts-list').textContent = '';
}
