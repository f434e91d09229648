package org.k12id.it.support;

/** Names from the demo realm (realm-config/src/main/resources/realm/k12-demo-realm.json). */
public final class DemoRealm {

    /** Classpath location of the demo realm, for {@code @InjectRealm(fromJson = DemoRealm.JSON)}. */
    public static final String JSON = "/realm/k12-demo-realm.json";
    public static final String NAME = "k12-demo";
    /** Every demo account's password (demo only). */
    public static final String PASSWORD = "Tarheel2026";

    public static final String PUBLIC_APP = "k12-demo-app";
    public static final String PUBLIC_APP_REDIRECT = "http://localhost:8400/callback";
    public static final String CONFIDENTIAL_APP = "k12-demo-portal";
    public static final String CONFIDENTIAL_APP_SECRET = "demo-portal-secret-change-me";
    public static final String CONFIDENTIAL_APP_REDIRECT = "http://localhost:8401/callback";
    public static final String SAML_APP = "k12-demo-saml";
    public static final String SAML_APP_ACS = "http://localhost:8402/saml/acs";

    private DemoRealm() {
    }
}
