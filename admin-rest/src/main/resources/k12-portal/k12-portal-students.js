/*
 * The students view: the school, class and grade filters, one page of students with their badges, the pager, and the
 * selection (state.selected), which lasts across pages and filters.
 */

import {state} from './k12-portal-state.js';
import {ApiError, apiJson, showProblem} from './k12-portal-api.js';
import {formatDate, formatNumber, gradeLabel, t, tn} from './k12-portal-messages.js';
import {$, cell} from './k12-portal-dom.js';
import {clearQuestionsButton, resetClaimButton} from './k12-portal-claims.js';

const PAGE_SIZE = 50;

var schoolClasses = {}; // school code -> that school's classes, fetched when the school is chosen
var filters = {school: '', clazz: '', grade: '', first: 0};
var loadSequence = 0;

// --- filters ---------------------------------------------------------------------------------------------------

function fillSelect(select, allLabel, options, value) {
    select.textContent = '';
    var all = document.createElement('option');
    all.value = '';
    all.textContent = allLabel;
    select.appendChild(all);
    var found = false;
    options.forEach(function (option) {
        var element = document.createElement('option');
        element.value = option.value;
        element.textContent = option.label;
        select.appendChild(element);
        found = found || option.value === value;
    });
    select.value = found ? value : '';
    return found ? value : '';
}

export function renderFilters() {
    var me = state.me;
    filters.school = fillSelect($('k12-school'), t('k12.portal.filters.allSchools'), (me.schools || []).map(function (school) {
        return {value: school.code, label: t('k12.portal.filters.schoolOption', {name: school.name || school.code, code: school.code})};
    }), filters.school);
    var seen = {};
    var classes = (me.classes || []).concat(filters.school && schoolClasses[filters.school] || []).filter(function (clazz) {
        var fresh = !seen[clazz.id] && (!filters.school || clazz.school === filters.school);
        seen[clazz.id] = true;
        return fresh;
    });
    filters.clazz = fillSelect($('k12-class'), t('k12.portal.filters.allClasses'), classes.map(function (clazz) {
        return {
            value: clazz.id,
            label: clazz.teacher ? t('k12.portal.filters.classOption', {name: clazz.name, teacher: clazz.teacher}) : clazz.name
        };
    }), filters.clazz);
    var grades = [];
    var range = me.badgeGrades || {first: -3, last: 5};
    for (var grade = range.first; grade <= range.last; grade++) {
        grades.push({value: String(grade), label: gradeLabel(grade)});
    }
    filters.grade = fillSelect($('k12-grade'), t('k12.portal.filters.allGrades'), grades, filters.grade);
}

function onFilterChange() {
    filters.school = $('k12-school').value;
    filters.clazz = $('k12-class').value;
    filters.grade = $('k12-grade').value;
    filters.first = 0;
    renderFilters();
    loadStudents();
    loadSchoolClasses(filters.school);
}

/** An administrator's class list holds one school's classes at a time: fetched once the school is chosen. */
function loadSchoolClasses(school) {
    if (!school || !state.me.classesBySchool || schoolClasses[school]) {
        return;
    }
    apiJson('GET', 'classes?school=' + encodeURIComponent(school)).then(function (answer) {
        schoolClasses[school] = answer.classes || [];
        if (filters.school === school) {
            renderFilters();
        }
    }, function (failure) {
        showProblem(failure, 'load');
    });
}

// --- students ----------------------------------------------------------------------------------------------------

export function loadStudents() {
    var sequence = ++loadSequence;
    var query = new URLSearchParams();
    if (filters.school) {
        query.set('school', filters.school);
    }
    if (filters.clazz) {
        query.set('class', filters.clazz);
    }
    if (filters.grade) {
        query.set('grade', filters.grade);
    }
    query.set('first', String(filters.first));
    query.set('max', String(PAGE_SIZE));
    $('k12-students').setAttribute('aria-busy', 'true');
    return apiJson('GET', 'students?' + query.toString()).then(function (answer) {
        if (sequence !== loadSequence) {
            return;
        }
        state.listing = answer;
        renderStudents();
        renderSelection();
    }, function (failure) {
        if (sequence !== loadSequence) {
            return;
        }
        if (failure instanceof ApiError && failure.status === 403) {
            $('k12-app').hidden = true;
        }
        showProblem(failure, 'load');
    }).then(function () {
        $('k12-students').removeAttribute('aria-busy');
    });
}

function fullName(student) {
    var name = [student.firstName, student.lastName].filter(Boolean).join(' ');
    return name || student.username;
}

function badgeText(student) {
    if (!student.badgeAllowed) {
        return t('k12.portal.badge.off');
    }
    if (!student.badge) {
        return t('k12.portal.badge.none');
    }
    return t('k12.portal.badge.issued', {date: formatDate(student.badge.issuedAt), version: formatNumber(student.badge.version)});
}

function renderStudents() {
    var listing = state.listing;
    var me = state.me;
    var rows = $('k12-rows');
    rows.textContent = '';
    var students = listing.students || [];
    students.forEach(function (student) {
        var row = document.createElement('tr');
        var name = fullName(student);
        var pickId = 'k12-pick-' + student.id;
        var pick = cell(row, 'k12.portal.students.pick');
        pick.className = 'k12-col-pick';
        var nameCell = cell(row, 'k12.portal.students.name');
        nameCell.className = 'k12-col-name';
        var box = null;
        if (me && me.canPrint) {
            box = document.createElement('input');
            box.type = 'checkbox';
            box.id = pickId;
            box.className = 'k12-pick';
            box.value = student.id;
            box.setAttribute('data-name', name);
            box.checked = state.selected.has(student.id);
            box.disabled = !student.badgeAllowed;
            pick.appendChild(box);
            var label = document.createElement('label');
            label.htmlFor = pickId;
            label.textContent = name;
            nameCell.appendChild(label);
        } else {
            nameCell.textContent = name;
        }
        cell(row, 'k12.portal.students.username', student.username);
        cell(row, 'k12.portal.students.school', student.schoolName && student.schoolName !== student.school
            ? t('k12.portal.filters.schoolOption', {name: student.schoolName, code: student.school}) : (student.school || ''));
        cell(row, 'k12.portal.students.class', (student.classes || []).map(function (clazz) {
            return clazz.name;
        }).join(', '));
        cell(row, 'k12.portal.students.grade', gradeLabel(student.grade));
        var badge = cell(row, 'k12.portal.students.badge', badgeText(student));
        badge.id = 'k12-badge-' + student.id;
        if (box) {
            box.setAttribute('aria-describedby', badge.id);
        }
        // students of grades 6 to 12 claim their own account; younger ones are managed by their teachers
        var grade = Number(student.grade);
        var claims = grade >= 6 && grade <= 12;
        var account = cell(row, 'k12.portal.students.account', claims
            ? t(student.claimed ? 'k12.portal.students.claimed' : 'k12.portal.students.unclaimed')
            : t('k12.portal.students.claimNotNeeded'));
        if (claims && student.claimed && state.me.canVoidSchool) {
            account.appendChild(document.createTextNode(' '));
            account.appendChild(resetClaimButton(student));
            account.appendChild(document.createTextNode(' '));
            account.appendChild(clearQuestionsButton(student));
        }
        if (!student.badgeAllowed) {
            row.className = 'k12-row-off';
        }
        rows.appendChild(row);
    });
    var total = Number(listing.total) || 0;
    var first = Number(listing.first) || 0;
    var empty = students.length === 0;
    $('k12-students').hidden = empty;
    $('k12-empty').hidden = !empty;
    $('k12-empty').textContent = t('k12.portal.students.empty');
    var range = {from: formatNumber(empty ? 0 : first + 1), to: formatNumber(first + students.length), total: formatNumber(total)};
    $('k12-caption').textContent = t('k12.portal.students.caption', range);
    var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    $('k12-page-info').textContent = t('k12.portal.page.info', {
        page: formatNumber(Math.floor(first / PAGE_SIZE) + 1), pages: formatNumber(pages)
    });
    $('k12-prev').disabled = first <= 0;
    $('k12-next').disabled = first + students.length >= total;
}

function turnPage(direction) {
    if (!state.listing) {
        return;
    }
    filters.first = Math.max(0, (Number(state.listing.first) || 0) + direction * PAGE_SIZE);
    loadStudents().then(function () {
        $('k12-students-title').scrollIntoView({block: 'start'});
    });
}

// --- selection ---------------------------------------------------------------------------------------------------

function pageBoxes() {
    return Array.prototype.slice.call(document.querySelectorAll('#k12-rows input.k12-pick:not(:disabled)'));
}

function renderSelection() {
    var boxes = pageBoxes();
    var picked = boxes.filter(function (box) {
        return box.checked;
    }).length;
    var all = $('k12-select-all');
    all.checked = boxes.length > 0 && picked === boxes.length;
    all.indeterminate = picked > 0 && picked < boxes.length;
    all.disabled = boxes.length === 0;
    $('k12-selected').textContent = tn('k12.portal.students.selected', state.selected.size);
    $('k12-clear').hidden = state.selected.size === 0;
}

function onPick(event) {
    var box = event.target;
    if (!box.classList || !box.classList.contains('k12-pick')) {
        return;
    }
    if (box.checked) {
        state.selected.set(box.value, box.getAttribute('data-name'));
    } else {
        state.selected.delete(box.value);
    }
    renderSelection();
}

function onSelectAll() {
    var on = $('k12-select-all').checked;
    pageBoxes().forEach(function (box) {
        box.checked = on;
        if (on) {
            state.selected.set(box.value, box.getAttribute('data-name'));
        } else {
            state.selected.delete(box.value);
        }
    });
    renderSelection();
}

function clearSelection() {
    state.selected.clear();
    pageBoxes().forEach(function (box) {
        box.checked = false;
    });
    renderSelection();
    $('k12-select-all').focus();
}

// --- wiring ------------------------------------------------------------------------------------------------------

/** Draws the view again in a new language: the filters once the person is known, the list once loaded, the selection. */
export function redrawStudents() {
    if (state.me) {
        renderFilters();
    }
    if (state.listing) {
        renderStudents();
    }
    renderSelection();
}

/** When the session ends: no student is left on the page. */
export function forgetStudents() {
    $('k12-rows').textContent = '';
}

export function bindStudents() {
    ['k12-school', 'k12-class', 'k12-grade'].forEach(function (id) {
        $(id).addEventListener('change', onFilterChange);
    });
    $('k12-rows').addEventListener('change', onPick);
    $('k12-select-all').addEventListener('change', onSelectAll);
    $('k12-clear').addEventListener('click', clearSelection);
    $('k12-prev').addEventListener('click', function () {
        turnPage(-1);
    });
    $('k12-next').addEventListener('click', function () {
        turnPage(1);
    });
}
