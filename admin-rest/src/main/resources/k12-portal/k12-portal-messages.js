/*
 * The portal's words: which language (en, es) the page speaks, its messages (messages_en.json, messages_es.json), t()
 * and tn() to look them up, and numbers, dates and grades in that language. Imports nothing, so every other module may
 * use it. When the language changes, the page's static texts (data-i18n) are put in place and then every redraw
 * registered with onLanguageChange runs, in the order registered.
 */

const LANG_KEY = 'k12-portal.lang';
const LANGUAGES = ['en', 'es'];

var lang = 'en';
var messages = {};
var redraws = [];

/** The language the page speaks now ('en' until a bundle is loaded). */
export function language() {
    return lang;
}

/** Whether the loaded bundle has this key. */
export function has(key) {
    return Object.prototype.hasOwnProperty.call(messages, key);
}

export function t(key, params) {
    var text = has(key) ? messages[key] : key;
    if (params) {
        text = text.replace(/\{(\w+)\}/g, function (whole, name) {
            return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
        });
    }
    return text;
}

/** A counted message: key.one or key.other, by the language's plural rules. */
export function tn(key, count, params) {
    var rule = 'other';
    try {
        rule = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
    } catch (e) {
        rule = count === 1 ? 'one' : 'other';
    }
    var all = Object.assign({count: formatNumber(count)}, params || {});
    return t(key + '.' + rule, all);
}

/** The text of a message kept as data: [key, params], or [key, count, params] for a counted one. */
export function messageText(message) {
    return typeof message[1] === 'number' ? tn(message[0], message[1], message[2]) : t(message[0], message[1]);
}

export function formatNumber(n) {
    try {
        return new Intl.NumberFormat(lang).format(n);
    } catch (e) {
        return String(n);
    }
}

export function formatDate(millis) {
    try {
        return new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'short', day: 'numeric'}).format(new Date(millis));
    } catch (e) {
        return new Date(millis).toISOString().substring(0, 10);
    }
}

export function gradeLabel(code) {
    var key = 'k12.portal.grade.' + code;
    if (has(key)) {
        return t(key);
    }
    var n = Number(code);
    if (Number.isInteger(n) && n >= 1 && n <= 13) {
        return t('k12.portal.grade.number', {grade: formatNumber(n)});
    }
    return String(code == null ? '' : code);
}

export function supported(code) {
    return typeof code === 'string' && LANGUAGES.indexOf(code) >= 0;
}

/** ?lang= first, then the person's last choice, then the browser's languages; English when nothing fits. */
export function chooseLanguage() {
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

export function setLanguage(code) {
    return loadMessages(code).then(function (bundle) {
        lang = code;
        messages = bundle;
        document.documentElement.lang = code;
        document.getElementById('k12-lang').value = code;
        translate();
    });
}

/** The person picked a language: kept for their next visit, put in the address if it names one, then loaded. */
export function switchLanguage(code) {
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
    return setLanguage(code);
}

/** Something to draw again in a new language (a view's texts drawn from data), after the ones registered before. */
export function onLanguageChange(redraw) {
    redraws.push(redraw);
}

/** Puts every message in place: the static ones by data-i18n, then everything drawn from data. */
function translate() {
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) {
        nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
    }
    redraws.forEach(function (redraw) {
        redraw();
    });
}
