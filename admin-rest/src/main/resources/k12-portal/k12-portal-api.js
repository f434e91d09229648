/*
 * Calls to the pack's admin API (/admin/realms/{realm}/k12-badges/ and its siblings) with the access token, and the
 * plain words for a call that failed.
 */

import {apiUrl} from './k12-portal-place.js';
import {state} from './k12-portal-state.js';
import {refresh, sessionEnded} from './k12-portal-sign-in.js';
import {has} from './k12-portal-messages.js';
import {setStatus} from './k12-portal-status.js';

/** A failed call: its HTTP status (0: no answer) and the problem the server described, if any. */
export function ApiError(status, body) {
    this.status = status;
    this.body = body || {};
    this.error = this.body.error || null;
    this.field = this.body.field || null;
}

/**
 * Calls the API with the access token; on 401 refreshes once and tries again. Resolves with the Response. The path is
 * relative to the badge API ('students', '../k12-default-passwords/requests').
 */
export function api(method, path, body) {
    function attempt(again) {
        if (!state.tokens) {
            return Promise.reject(new ApiError(401));
        }
        var headers = {'Authorization': 'Bearer ' + state.tokens.access, 'Accept': 'application/json, application/pdf, text/csv'};
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

export function apiJson(method, path, body) {
    return api(method, path, body).then(function (response) {
        return response.json();
    });
}

/** The plain-words message for a failed call; {@code doing}: 'load', 'change' or 'optOuts'. */
export function problemMessage(failure, doing) {
    if (!(failure instanceof ApiError)) {
        return ['k12.portal.error.unexpected'];
    }
    switch (failure.status) {
        case 0:
            return ['k12.portal.error.network'];
        case 400: {
            var key = 'k12.portal.error.invalid.' + failure.field;
            return [has(key) ? key : 'k12.portal.error.invalid'];
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
                    return state.selected.get(id) || id;
                }).join(', ');
                return ['k12.portal.error.badgesOff', ids.length || 1, {names: names}];
            }
            return ['k12.portal.error.conflict'];
        default:
            return [failure.status >= 500 ? 'k12.portal.error.server' : 'k12.portal.error.unexpected'];
    }
}

/** Says in the status line what went wrong; a session that is over ends on the page too. */
export function showProblem(failure, doing) {
    if (failure instanceof ApiError && failure.status === 401) {
        sessionEnded();
        return;
    }
    setStatus('error', [problemMessage(failure, doing)]);
}
