/*
 * What several modules share about the person signed in and their students, in one place. A module that alone uses a
 * value (a timer, the page of students asked for, a PDF's address) keeps it to itself. Modules change these fields in
 * place: state.me = answer.
 */

export const state = {
    /** {access, refresh, id, expiresAt}, in memory only; null when signed out. */
    tokens: null,
    /** The ID token's claims of this sign-in. */
    claims: null,
    /** The last GET /me answer: who the person is and what they may do. */
    me: null,
    /** The last GET /students answer. */
    listing: null,
    /** userId -> display name, kept across pages and filters. */
    selected: new Map(),
    /** The last GET /opt-outs answer, with the boxes' current states. */
    optOuts: null
};
