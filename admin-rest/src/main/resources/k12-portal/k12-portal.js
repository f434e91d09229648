/*
 * District staff portal "My Students (QR Codes)": signs in through the realm's own login (authorization code flow
 * with PKCE S256, public client k12-portal), then lists the person's students and prints, renews and voids their
 * badges through /admin/realms/{realm}/k12-badges. No framework, no build step: ES modules served as they are from
 * the JAR (each one allow-listed in PortalFiles). This entry wires them together: what each view redraws in a new
 * language and clears when the session ends, the buttons' handlers, and the start.
 */

import {place} from './k12-portal-place.js';
import {state} from './k12-portal-state.js';
import {chooseLanguage, onLanguageChange, setLanguage, switchLanguage} from './k12-portal-messages.js';
import {$} from './k12-portal-dom.js';
import {renderStatus, setStatus} from './k12-portal-status.js';
import {bindSignIn, finishLogin, login, offerSignIn, onForget, takeCallback} from './k12-portal-sign-in.js';
import {apiJson, showProblem} from './k12-portal-api.js';
import {renderHeader} from './k12-portal-header.js';
import {bindStudents, forgetStudents, loadStudents, redrawStudents, renderFilters} from './k12-portal-students.js';
import {bindBadges, hidePdf} from './k12-portal-badges.js';
import {forgetOptOuts, loadOptOuts, redrawOptOuts} from './k12-portal-opt-outs.js';
import {bindRegeneration, loadRegen} from './k12-portal-regeneration.js';
import {bindGuardians, forgetGuardians, loadGuardians, redrawGuardians} from './k12-portal-claims.js';
import {bindConfirm} from './k12-portal-confirm.js';

// In a new language, in this order: the header, the students, the opt-outs, and the status line last.
onLanguageChange(renderHeader);
onLanguageChange(redrawStudents);
onLanguageChange(redrawOptOuts);
onLanguageChange(redrawGuardians);
onLanguageChange(renderStatus);

// When the session ends, nothing about the students stays on the page.
onForget(forgetStudents);
onForget(forgetOptOuts);
onForget(forgetGuardians);
onForget(function () {
    $('k12-app').hidden = true;
    $('k12-who').hidden = true;
    $('k12-sign-out').hidden = true;
});
onForget(hidePdf);
onForget(renderHeader);

/** Who the person is and what they may do; then the views they may use. */
function loadMe() {
    return apiJson('GET', 'me').then(function (answer) {
        state.me = answer;
        var me = answer;
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
            loadGuardians();
            loadRegen();
        }
        return loadStudents();
    }, function (failure) {
        showProblem(failure, 'load');
    });
}

function bind() {
    $('k12-lang').addEventListener('change', function () {
        switchLanguage($('k12-lang').value).catch(function () {
            setStatus('error', [['k12.portal.error.network']]);
        });
    });
    bindSignIn();
    bindStudents();
    bindBadges();
    bindRegeneration();
    bindGuardians();
    bindConfirm();
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
