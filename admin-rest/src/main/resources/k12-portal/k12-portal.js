/*
 * District staff portal "My Students (QR Codes)": signs in through the realm's own login (authorization code flow
 * with PKCE S256, public client k12-portal), then lists the person's students and prints, renews and voids their
 * badges through /admin/realms/{realm}/k12-badges. Tokens live in memory only; the PKCE verifier, state and nonce wait
 * in sessionStorage for the one round trip to the login page. No framework, no build step: served as is from the JAR.
 */
(function () {
    'use strict';

    var LOGIN_KEY = 'k12-portal.login';
    var LANG_KEY = 'k12-portal.lang';
    var LANGUAGES = ['en', 'es'];
    var PAGE_SIZE = 50;
    var MAX_PRINT = 2000;
    /** Refresh this many seconds before the access token runs out. */
    var REFRESH_EARLY = 30;

    // --- where we are: /<context>/realms/<realm>/k12-portal/ -------------------------------------------------

    var place = /^(.*?)\/realms\/([^/]+)\/k12-portal\//.exec(window.location.pathname);
    var clientMeta = document.querySelector('meta[name="k12-client-id"]');
    var clientId = clientMeta ? clientMeta.getAttribute('content') : 'k12-portal';
    var realmSegment = place ? encodeURIComponent(decodeURIComponent(place[2])) : '';
    var serverUrl = window.location.origin + (place ? place[1] : '');
    var realmUrl = serverUrl + '/realms/' + realmSegment;
    var pageUrl = realmUrl + '/k12-portal/';
    var oidcUrl = realmUrl + '/protocol/openid-connect';
    var apiUrl = serverUrl + '/admin/realms/' + realmSegment + '/k12-badges/';

    // --- state ---------------------------------------------------------------------------------------------------

    var lang = 'en';
    var messages = {};
    var tokens = null; // {access, refresh, id, expiresAt}
    var refreshTimer = null;
    var refreshing = null;
    var claims = null;
    var me = null;
    var listing = null; // the last GET /students answer
    var schoolClasses = {}; // school code -> that school's classes, fetched when the school is chosen
    var filters = {school: '', clazz: '', grade: '', first: 0};
    var loadSequence = 0;
    var selected = new Map(); // userId -> display name, kept across pages and filters
    var optOuts = null; // the last GET /opt-outs answer, with the boxes' current states
    var lastStatus = null;
    var pdfUrl = null;

    function $(id) {
        return document.getElementById(id);
    }

    // --- messages ------------------------------------------------------------------------------------------------

    function t(key, params) {
        var text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
        if (params) {
            text = text.replace(/\{(\w+)\}/g, function (whole, name) {
                return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
            });
        }
        return text;
    }

    /** A counted message: key.one or key.other, by the language's plural rules. */
    function tn(key, count, params) {
        var rule = 'other';
        try {
            rule = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
        } catch (e) {
            rule = count === 1 ? 'one' : 'other';
        }
        var all = Object.assign({count: formatNumber(count)}, params || {});
        return t(key + '.' + rule, all);
    }

    function formatNumber(n) {
        try {
            return new Intl.NumberFormat(lang).format(n);
        } catch (e) {
            return String(n);
        }
    }

    function formatDate(millis) {
        try {
            return new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'short', day: 'numeric'}).format(new Date(millis));
        } catch (e) {
            return new Date(millis).toISOString().substring(0, 10);
        }
    }

    function supported(code) {
        return typeof code === 'string' && LANGUAGES.indexOf(code) >= 0;
    }

    /** ?lang= first, then the person's last choice, then the browser's languages; English when nothing fits. */
    function chooseLanguage() {
        var asked = new URLSearchParams(window.location.search).get('lang');
        if (supported(asked)) {
            return asked;
        }
        try {
            var kept = window.localStorage.getItem(LANG_KEY);
            if (supported(kept)) {
                return kept;
            }
        } catch (e) {
            // storage blocked: go on
        }
        var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
        for (var i = 0; i < wanted.length; i++) {
            var base = String(wanted[i] || '').toLowerCase().split('-')[0];
            if (supported(base)) {
                return base;
            }
        }
        return 'en';
    }

    function loadMessages(code) {
        return fetch('messages_' + code + '.json', {credentials: 'omit'}).then(function (response) {
            if (!response.ok) {
                throw new Error('messages ' + response.status);
            }
            return response.json();
        });
    }

    function setLanguage(code) {
        return loadMessages(code).then(function (bundle) {
            lang = code;
            messages = bundle;
            document.documentElement.lang = code;
            $('k12-lang').value = code;
            translate();
        });
    }

    /** Puts every message in place: the static ones by data-i18n, then everything drawn from data. */
    function translate() {
        var nodes = document.querySelectorAll('[data-i18n]');
        for (var i = 0; i < nodes.length; i++) {
            nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
        }
        renderHeader();
        if (me) {
            renderFilters();
        }
        if (listing) {
            renderStudents();
        }
        renderSelection();
        if (optOuts) {
            renderOptOuts();
        }
        renderStatus();
    }

    function gradeLabel(code) {
        var key = 'k12.portal.grade.' + code;
        if (Object.prototype.hasOwnProperty.call(messages, key)) {
            return t(key);
        }
        var n = Number(code);
        if (Number.isInteger(n) && n >= 1 && n <= 13) {
            return t('k12.portal.grade.number', {grade: formatNumber(n)});
        }
        return String(code == null ? '' : code);
    }

    // --- status (one aria-live region) -------------------------------------------------------------------------

    /** Shows messages in the live region: parts are [key, params] or [key, count, params] (counted). */
    function setStatus(kind, parts) {
        lastStatus = {kind: kind, parts: parts};
        renderStatus();
    }

    function clearStatus() {
        lastStatus = null;
        renderStatus();
    }

    function renderStatus() {
        var box = $('k12-status');
        if (!lastStatus) {
            box.textContent = '';
            box.className = 'k12-status';
            return;
        }
        box.textContent = lastStatus.parts.map(function (part) {
            return typeof part[1] === 'number' ? tn(part[0], part[1], part[2]) : t(part[0], part[1]);
        }).join(' ');
        box.className = 'k12-status k12-status-' + lastStatus.kind;
        box.setAttribute('aria-live', lastStatus.kind === 'error' ? 'assertive' : 'polite');
    }

    // --- sign-in: authorization code with PKCE S256 --------------------------------------------------------------

    function randomString(bytes) {
        var buffer = new Uint8Array(bytes);
        window.crypto.getRandomValues(buffer);
        return base64Url(buffer);
    }

    function base64Url(bytes) {
        var view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
        var text = '';
        for (var i = 0; i < view.length; i++) {
            text += String.fromCharCode(view[i]);
        }
        return window.btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function decodeJwt(jwt) {
        var part = String(jwt || '').split('.')[1] || '';
        var base64 = part.replace(/-/g, '+').replace(/_/g, '/');
        while (base64.length % 4) {
            base64 += '=';
        }
        var binary = window.atob(base64);
        var bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) {
            bytes[i] = binary.charCodeAt(i);
        }
        return JSON.parse(new TextDecoder().decode(bytes));
    }

    function login() {
        var state = randomString(32);
        var nonce = randomString(32);
        var verifier = randomString(48);
        var asked = new URLSearchParams(window.location.search).get('lang');
        return window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (digest) {
            window.sessionStorage.setItem(LOGIN_KEY, JSON.stringify({
                state: state, nonce: nonce, verifier: verifier, lang: supported(asked) ? asked : null
            }));
            var query = new URLSearchParams({
                client_id: clientId,
                redirect_uri: pageUrl,
                response_type: 'code',
                response_mode: 'fragment',
                scope: 'openid',
                state: state,
                nonce: nonce,
                code_challenge: base64Url(digest),
                code_challenge_method: 'S256',
                ui_locales: lang
            });
            window.location.assign(oidcUrl + '/auth?' + query.toString());
        });
    }

    /** The login's answer in the fragment (code or error, with state), or null; the address is cleaned at once. */
    function takeCallback() {
        var hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
        if (!hash.has('state') || !(hash.has('code') || hash.has('error'))) {
            return null;
        }
        var pending = null;
        try {
            pending = JSON.parse(window.sessionStorage.getItem(LOGIN_KEY) || 'null');
        } catch (e) {
            pending = null;
        }
        window.sessionStorage.removeItem(LOGIN_KEY);
        var query = pending && supported(pending.lang) ? '?lang=' + pending.lang : '';
        window.history.replaceState(null, '', pageUrl + query);
        return {
            code: hash.get('code'), state: hash.get('state'), error: hash.get('error'), pending: pending
        };
    }

    function tokenRequest(form) {
        return fetch(oidcUrl + '/token', {
            method: 'POST',
            headers: {'Content-Type': 'application/x-www-form-urlencoded'},
            body: new URLSearchParams(form).toString(),
            credentials: 'omit',
            cache: 'no-store'
        }).then(function (response) {
            if (!response.ok) {
                throw new Error('token ' + response.status);
            }
            return response.json();
        });
    }

    function keepTokens(answer) {
        tokens = {
            access: answer.access_token,
            refresh: answer.refresh_token || (tokens && tokens.refresh),
            id: answer.id_token || (tokens && tokens.id),
            expiresAt: Date.now() + (Number(answer.expires_in) || 60) * 1000
        };
        scheduleRefresh();
    }

    function scheduleRefresh() {
        window.clearTimeout(refreshTimer);
        if (!tokens || !tokens.refresh) {
            return;
        }
        var wait = Math.max(5000, tokens.expiresAt - Date.now() - REFRESH_EARLY * 1000);
        refreshTimer = window.setTimeout(function () {
            refresh();
        }, wait);
    }

    /** Resolves true with fresh tokens, false when the session is over (then the page says so). One at a time. */
    function refresh() {
        if (refreshing) {
            return refreshing;
        }
        if (!tokens || !tokens.refresh) {
            return Promise.resolve(false);
        }
        refreshing = tokenRequest({grant_type: 'refresh_token', refresh_token: tokens.refresh, client_id: clientId})
            .then(function (answer) {
                keepTokens(answer);
                return true;
            }, function () {
                sessionEnded();
                return false;
            }).then(function (result) {
                refreshing = null;
                return result;
            });
        return refreshing;
    }

    function finishLogin(callback) {
        var pending = callback.pending;
        if (!pending || !callback.state || callback.state !== pending.state) {
            offerSignIn(['k12.portal.error.signInState']);
            return Promise.resolve(false);
        }
        if (callback.error || !callback.code) {
            offerSignIn([callback.error === 'access_denied' ? 'k12.portal.error.signInDenied' : 'k12.portal.error.signIn']);
            return Promise.resolve(false);
        }
        return tokenRequest({
            grant_type: 'authorization_code',
            code: callback.code,
            redirect_uri: pageUrl,
            client_id: clientId,
            code_verifier: pending.verifier
        }).then(function (answer) {
            var id = decodeJwt(answer.id_token);
            var audience = Array.isArray(id.aud) ? id.aud : [id.aud];
            if (id.nonce !== pending.nonce || id.iss !== realmUrl || audience.indexOf(clientId) < 0) {
                throw new Error('id token does not match this sign-in');
            }
            claims = id;
            keepTokens(answer);
            return true;
        }).catch(function () {
            tokens = null;
            offerSignIn(['k12.portal.error.signIn']);
            return false;
        });
    }

    function signOut() {
        var query = new URLSearchParams({
            client_id: clientId,
            post_logout_redirect_uri: pageUrl + '?signed-out=1&lang=' + lang,
            ui_locales: lang
        });
        if (tokens && tokens.id) {
            query.set('id_token_hint', tokens.id);
        }
        forget();
        window.location.assign(oidcUrl + '/logout?' + query.toString());
    }

    /** Drops the tokens and everything about the students from the page. */
    function forget() {
        window.clearTimeout(refreshTimer);
        tokens = null;
        claims = null;
        me = null;
        listing = null;
        optOuts = null;
        selected.clear();
        $('k12-rows').textContent = '';
        $('k12-optouts-list').textContent = '';
        $('k12-app').hidden = true;
        $('k12-who').hidden = true;
        $('k12-sign-out').hidden = true;
        hidePdf();
        renderHeader();
    }

    function sessionEnded() {
        forget();
        offerSignIn(['k12.portal.error.session']);
    }

    function offerSignIn(message) {
        $('k12-sign-in-box').hidden = false;
        if (message) {
            setStatus('error', [message]);
        }
    }

    // --- the badge API ---------------------------------------------------------------------------------------

    function ApiError(status, body) {
        this.status = status;
        this.body = body || {};
        this.error = this.body.error || null;
        this.field = this.body.field || null;
    }

    /** Calls the API with the access token; on 401 refreshes once and tries again. Resolves with the Response. */
    function api(method, path, body) {
        function attempt(again) {
            if (!tokens) {
                return Promise.reject(new ApiError(401));
            }
            var headers = {'Authorization': 'Bearer ' + tokens.access, 'Accept': 'application/json, application/pdf, text/csv'};
            if (body !== undefined) {
                headers['Content-Type'] = 'application/json';
            }
            return fetch(apiUrl + path, {
                method: method,
                headers: headers,
                body: body === undefined ? undefined : JSON.stringify(body),
                credentials: 'omit',
                cache: 'no-store'
            }).then(function (response) {
                if (response.status === 401 && again) {
                    return refresh().then(function (fresh) {
                        if (!fresh) {
                            throw new ApiError(401);
                        }
                        return attempt(false);
                    });
                }
                if (!response.ok) {
                    return response.json().catch(function () {
                        return {};
                    }).then(function (problem) {
                        throw new ApiError(response.status, problem);
                    });
                }
                return response;
            }, function (failure) {
                throw failure instanceof ApiError ? failure : new ApiError(0);
            });
        }
        return attempt(true);
    }

    function apiJson(method, path, body) {
        return api(method, path, body).then(function (response) {
            return response.json();
        });
    }

    /** The plain-words message for a failed call; {@code doing}: 'load', 'change' or 'optOuts'. */
    function problemMessage(failure, doing) {
        if (!(failure instanceof ApiError)) {
            return ['k12.portal.error.unexpected'];
        }
        switch (failure.status) {
            case 0:
                return ['k12.portal.error.network'];
            case 400: {
                var key = 'k12.portal.error.invalid.' + failure.field;
                return [Object.prototype.hasOwnProperty.call(messages, key) ? key : 'k12.portal.error.invalid'];
            }
            case 401:
                return ['k12.portal.error.session'];
            case 403:
                return [doing === 'load' ? 'k12.portal.error.noStudents'
                    : doing === 'optOuts' ? 'k12.portal.error.optOutsForbidden' : 'k12.portal.error.forbidden'];
            case 404:
                return [doing === 'optOuts' ? 'k12.portal.error.psuNotFound' : 'k12.portal.error.notFound'];
            case 409:
                if (failure.error === 'badges_off') {
                    var ids = Array.isArray(failure.body.userIds) ? failure.body.userIds : [];
                    var names = ids.map(function (id) {
                        return selected.get(id) || id;
                    }).join(', ');
                    return ['k12.portal.error.badgesOff', ids.length || 1, {names: names}];
                }
                return ['k12.portal.error.conflict'];
            default:
                return [failure.status >= 500 ? 'k12.portal.error.server' : 'k12.portal.error.unexpected'];
        }
    }

    function showProblem(failure, doing) {
        if (failure instanceof ApiError && failure.status === 401) {
            sessionEnded();
            return;
        }
        setStatus('error', [problemMessage(failure, doing)]);
    }

    // --- who, filters ------------------------------------------------------------------------------------------

    function renderHeader() {
        var codes = me && Array.isArray(me.psus) ? me.psus.map(function (psu) {
            return psu.code;
        }) : [];
        var title = codes.length ? t('k12.portal.title.lea', {codes: codes.join(', ')}) : t('k12.portal.title');
        $('k12-title').textContent = title;
        document.title = title;
        var who = $('k12-who');
        var name = me ? me.name : claims && (claims.name || claims.preferred_username);
        var username = me ? me.username : claims && claims.preferred_username;
        if (tokens && (name || username)) {
            who.textContent = t('k12.portal.who', {name: name || username, username: username || ''});
            who.hidden = false;
        } else {
            who.hidden = true;
        }
    }

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

    function renderFilters() {
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
        if (!school || !me.classesBySchool || schoolClasses[school]) {
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

    // --- students ----------------------------------------------------------------------------------------------

    function loadMe() {
        return apiJson('GET', 'me').then(function (answer) {
            me = answer;
            renderHeader();
            renderFilters();
            $('k12-actions').hidden = !me.canPrint;
            $('k12-toolbar').hidden = !me.canPrint;
            $('k12-students').classList.toggle('k12-readonly', !me.canPrint);
            $('k12-app').hidden = false;
            if (me.canManageOptOuts) {
                loadOptOuts();
            }
            if (me.canVoidSchool) {
                loadRegen();
            }
            return loadStudents();
        }, function (failure) {
            showProblem(failure, 'load');
        });
    }

    function loadStudents() {
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
            listing = answer;
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

    function cell(row, labelKey, text) {
        var td = document.createElement('td');
        td.setAttribute('data-label', t(labelKey));
        if (text !== undefined) {
            td.textContent = text;
        }
        row.appendChild(td);
        return td;
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
                box.checked = selected.has(student.id);
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
        $('k12-selected').textContent = tn('k12.portal.students.selected', selected.size);
        $('k12-clear').hidden = selected.size === 0;
    }

    function onPick(event) {
        var box = event.target;
        if (!box.classList || !box.classList.contains('k12-pick')) {
            return;
        }
        if (box.checked) {
            selected.set(box.value, box.getAttribute('data-name'));
        } else {
            selected.delete(box.value);
        }
        renderSelection();
    }

    function onSelectAll() {
        var on = $('k12-select-all').checked;
        pageBoxes().forEach(function (box) {
            box.checked = on;
            if (on) {
                selected.set(box.value, box.getAttribute('data-name'));
            } else {
                selected.delete(box.value);
            }
        });
        renderSelection();
    }

    function clearSelection() {
        selected.clear();
        pageBoxes().forEach(function (box) {
            box.checked = false;
        });
        renderSelection();
        $('k12-select-all').focus();
    }

    function turnPage(direction) {
        if (!listing) {
            return;
        }
        filters.first = Math.max(0, (Number(listing.first) || 0) + direction * PAGE_SIZE);
        loadStudents().then(function () {
            $('k12-students-title').scrollIntoView({block: 'start'});
        });
    }

    // --- print, renew, void --------------------------------------------------------------------------------------

    function chosen() {
        var ids = Array.from(selected.keys());
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

    /**
     * Asks before something that cannot be undone. {@code action} runs inside the click on the confirming button, so
     * that it may still open a window (pop-up blockers allow that only during a click).
     */
    function confirmThen(titleKey, textKey, okKey, count, action) {
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

    function hidePdf() {
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

    // --- default password regeneration (LEA administrators) ------------------------------------------------------

    var REGEN = '../k12-default-passwords/';
    var regenTimer = null;

    function loadRegen() {
        var select = $('k12-regen-psu');
        select.textContent = '';
        (me.psus || []).forEach(function (psu) {
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
        rows.textContent = '';
        if (requests.length === 0) {
            emptyRow(rows, 6, 'k12.portal.regen.none');
        }
        var busy = false;
        requests.forEach(function (request) {
            var tr = document.createElement('tr');
            tr.id = 'k12-regen-' + request.id;
            var all = t('k12.portal.regen.all');
            cell(tr, 'k12.portal.regen.col.submitted', formatDate(request.createdAt));
            cell(tr, 'k12.portal.regen.col.what', t('k12.portal.regen.what', {
                campuses: (request.campusCodes || []).join(', ') || all,
                grades: (request.gradeLevels || []).map(gradeLabel).join(', ') || all,
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
                view.addEventListener('click', function () {
                    showDefaults(request);
                });
                defaults.appendChild(view);
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
    var shownRequest = null;
    var csvUrl = null;

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
        $('k12-regen-submit').disabled = true;
        apiJson('POST', REGEN + 'requests', form).then(function () {
            status.className = 'k12-status-success';
            status.textContent = t('k12.portal.regen.submitted');
            return loadRegenHistory();
        }, function (failure) {
            status.className = 'k12-status-error';
            if (failure instanceof ApiError && failure.status === 400 && failure.body.problems) {
                status.textContent = t('k12.portal.regen.invalid', {problems: failure.body.problems.map(function (p) {
                    return t('k12.portal.regen.' + ({campusCodes: 'campuses', gradeLevels: 'grades', psuCode: 'psu'}[p.field] || 'comments'))
                        + (p.value ? ' "' + p.value + '"' : '');
                }).join(', ')});
            } else {
                var message = problemMessage(failure, 'change');
                status.textContent = typeof message[1] === 'number' ? tn(message[0], message[1], message[2]) : t(message[0], message[1]);
            }
        }).then(function () {
            $('k12-regen-submit').disabled = false;
        });
    }

    // --- opt-outs ----------------------------------------------------------------------------------------------

    function loadOptOuts() {
        return apiJson('GET', 'opt-outs').then(function (answer) {
            optOuts = answer;
            (optOuts.psus || []).forEach(function (psu) {
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
            var message = psu.note.message;
            return typeof message[1] === 'number' ? tn(message[0], message[1], message[2]) : t(message[0], message[1]);
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

    // --- start -------------------------------------------------------------------------------------------------

    function bind() {
        $('k12-lang').addEventListener('change', function () {
            var code = $('k12-lang').value;
            try {
                window.localStorage.setItem(LANG_KEY, code);
            } catch (e) {
                // storage blocked: the choice lasts for this page only
            }
            var address = new URL(window.location.href);
            if (address.searchParams.has('lang')) {
                address.searchParams.set('lang', code);
                window.history.replaceState(null, '', address.toString());
            }
            setLanguage(code).catch(function () {
                setStatus('error', [['k12.portal.error.network']]);
            });
        });
        $('k12-sign-in').addEventListener('click', function () {
            login();
        });
        $('k12-sign-out').addEventListener('click', signOut);
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
        $('k12-print').addEventListener('click', function () {
            print(false);
        });
        $('k12-print-new').addEventListener('click', function () {
            print(true);
        });
        $('k12-void').addEventListener('click', voidBadges);
        $('k12-regen-form').addEventListener('submit', submitRegen);
        $('k12-regen-csv').addEventListener('click', downloadDefaults);
        $('k12-regen-defaults-close').addEventListener('click', hideDefaults);
        $('k12-regen-psu').addEventListener('change', loadRegenHistory);
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

    function start() {
        var callback = takeCallback();
        var signedOut = new URLSearchParams(window.location.search).has('signed-out');
        if (signedOut) {
            var address = new URL(window.location.href);
            address.searchParams.delete('signed-out');
            window.history.replaceState(null, '', address.toString());
        }
        bind();
        setLanguage(chooseLanguage()).catch(function () {
            return setLanguage('en');
        }).then(function () {
            if (!place) {
                setStatus('error', [['k12.portal.error.address']]);
                return;
            }
            if (!window.isSecureContext || !window.crypto || !window.crypto.subtle) {
                setStatus('error', [['k12.portal.error.insecure']]);
                return;
            }
            if (callback) {
                return finishLogin(callback).then(function (ok) {
                    if (ok) {
                        $('k12-sign-out').hidden = false;
                        renderHeader();
                        return loadMe();
                    }
                });
            }
            if (signedOut) {
                offerSignIn(null);
                setStatus('info', [['k12.portal.signedOut']]);
                return;
            }
            setStatus('info', [['k12.portal.signingIn']]);
            return login();
        }).catch(function () {
            setStatus('error', [['k12.portal.error.unexpected']]);
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
