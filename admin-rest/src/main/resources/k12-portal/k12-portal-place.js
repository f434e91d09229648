/*
 * Where the page is, /<context>/realms/<realm>/k12-portal/, and the addresses that follow from it: the realm's login
 * (OpenID Connect) and the badge API. Read once from the page's own address; nothing here changes afterwards.
 */

/** The match of the page's path, or null when the page is not served where it should be. */
export const place = /^(.*?)\/realms\/([^/]+)\/k12-portal\//.exec(window.location.pathname);

const clientMeta = document.querySelector('meta[name="k12-client-id"]');
const realmSegment = place ? encodeURIComponent(decodeURIComponent(place[2])) : '';
const serverUrl = window.location.origin + (place ? place[1] : '');

export const clientId = clientMeta ? clientMeta.getAttribute('content') : 'k12-portal';
export const realmUrl = serverUrl + '/realms/' + realmSegment;
export const pageUrl = realmUrl + '/k12-portal/';
export const oidcUrl = realmUrl + '/protocol/openid-connect';
export const apiUrl = serverUrl + '/admin/realms/' + realmSegment + '/k12-badges/';
