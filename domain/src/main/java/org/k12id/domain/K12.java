package org.k12id.domain;

/**
 * The pack's one prefix. Provider ids start with {@code k12-}, config keys and message keys with {@code k12.},
 * event details with {@code k12_}; the login theme is {@code k12}.
 */
public final class K12 {

    public static final String PROVIDER_ID_PREFIX = "k12-";
    public static final String CONFIG_KEY_PREFIX = "k12.";
    public static final String MESSAGE_KEY_PREFIX = "k12.";
    public static final String EVENT_DETAIL_PREFIX = "k12_";
    public static final String THEME = "k12";

    private K12() {
    }
}
