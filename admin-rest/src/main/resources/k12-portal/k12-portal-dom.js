/* Small helpers for building the page's elements. */

import {t} from './k12-portal-messages.js';

export function $(id) {
    return document.getElementById(id);
}

/** Adds a table cell labelled for the phone layout (data-label), with its text if given. */
export function cell(row, labelKey, text) {
    var td = document.createElement('td');
    td.setAttribute('data-label', t(labelKey));
    if (text !== undefined) {
        td.textContent = text;
    }
    row.appendChild(td);
    return td;
}
