/*
 * Signing in through the realm's own login: authorization code flow with PKCE S256 (public client k12-portal), the
 * answer in the fragment, state and nonce checked. Tokens live in memory only (state.tokens) and are refreshed before
 * they run out; the PKCE verifier, state and nonce wait in sessionStorage for the one round trip to the login page.
 * When the session ends, everything about the students leaves the page: each view registers what to clear with onForget.
 */

import {clientId, oidcUrl, pageUrl, realmUrl} from './k12-portal-place.js';
import {state} from './k12-portal-state.js';
import {language, supported} from './k12-portal-messages.js';
import {setStatus} from './k12-portal-status.js';
import {$} from './k12-portal-dom.js';

const LOGIN_KEY = 'k12-portal.login';
/** Refresh this many seconds before the access token runs out. */
const REFRESH_EARLY = 30;

var refreshTimer = null;
var refreshing = null;
var forgetters = [];

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

export function login() {
    var expected = randomString(32);
    var nonce = randomString(32);
    var verifier = randomString(48);
    var asked = new URLSearchParams(window.location.search).get('lang');
    return window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (digest) {
        window.sessionStorage.setItem(LOGIN_KEY, JSON.stringify({
            state: expected, nonce: nonce, verifier: verifier, lang: supported(asked) ? asked : null
        }));
        var query = new URLSearchParams({
            client_id: clientId,
            redirect_uri: pageUrl,
            response_type: 'code',
            response_mode: 'fragment',
            scope: 'openid',
            state: expected,
            nonce: nonce,
            code_challenge: base64Url(digest),
            code_challenge_method: 'S256',
            ui_locales: language()
        });
        window.location.assign(oidcUrl + '/auth?' + query.toString());
    });
}

/** The login's answer in the fragment (code or error, with state), or null; the address is cleaned at once. */
export function takeCallback() {
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
    var tokens = state.tokens;
    state.tokens = {
        access: answer.access_token,
        refresh: answer.refresh_token || (tokens && tokens.refresh),
        id: answer.id_token || (tokens && tokens.id),
        expiresAt: Date.now() + (Number(answer.expires_in) || 60) * 1000
    };
    scheduleRefresh();
}

function scheduleRefresh() {
    window.clearTimeout(refreshTimer);
    var tokens = state.tokens;
    if (!tokens || !tokens.refresh) {
        return;
    }
    var wait = Math.max(5000, tokens.expiresAt - Date.now() - REFRESH_EARLY * 1000);
    refreshTimer = window.setTimeout(function () {
        refresh();
    }, wait);
}

/** Resolves true with fresh tokens, false when the session is over (then the page says so). One at a time. */
export function refresh() {
    if (refreshing) {
        return refreshing;
    }
    var tokens = state.tokens;
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

export function finishLogin(callback) {
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
        state.claims = id;
        keepTokens(answer);
        return true;
    }).catch(function () {
        state.tokens = null;
        offerSignIn(['k12.portal.error.signIn']);
        return false;
    });
}

function signOut() {
    var lang = language();
    var query = new URLSearchParams({
        client_id: clientId,
        post_logout_redirect_uri: pageUrl + '?signed-out=1&lang=' + lang,
        ui_locales: lang
    });
    if (state.tokens && state.tokens.id) {
        query.set('id_token_hint', state.tokens.id);
    }
    forget();
    window.location.assign(oidcUrl + '/logout?' + query.toString());
}

/** Something to clear from the page when the session ends, after the ones registered before. */
export function onForget(clear) {
    forgetters.push(clear);
}

/** Drops the tokens and everything about the students from the page. */
function forget() {
    window.clearTimeout(refreshTimer);
    state.tokens = null;
    state.claims = null;
    state.me = null;
    state.listing = null;
    state.optOuts = null;
    state.selected.clear();
    forgetters.forEach(function (clear) {
        clear();
    });
}

export function sessionEnded() {
    forget();
    offerSignIn(['k12.portal.error.session']);
}

export function offerSignIn(message) {
    $('k12-sign-in-box').hidden = false;
    if (message) {
        setStatus('error', [message]);
    }
}

export function bindSignIn() {
    $('k12-sign-in').addEventListener('click', function () {
        login();
    });
    $('k12-sign-out').addEventListener('click', signOut);
}
