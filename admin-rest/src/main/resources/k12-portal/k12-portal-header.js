/* The page's title (with the person's LEAs once known) and who is signed in. */

import {state} from './k12-portal-state.js';
import {t} from './k12-portal-messages.js';
import {$} from './k12-portal-dom.js';

export function renderHeader() {
    var me = state.me;
    var claims = state.claims;
    var codes = me && Array.isArray(me.psus) ? me.psus.map(function (psu) {
        return psu.code;
    }) : [];
    var title = codes.length ? t('k12.portal.title.lea', {codes: codes.join(', ')}) : t('k12.portal.title');
    $('k12-title').textContent = title;
    document.title = title;
    var who = $('k12-who');
    var name = me ? me.name : claims && (claims.name || claims.preferred_username);
    var username = me ? me.username : claims && claims.preferred_username;
    if (state.tokens && (name || username)) {
        who.textContent = t('k12.portal.who', {name: name || username, username: username || ''});
        who.hidden = false;
    } else {
        who.hidden = true;
    }
}
