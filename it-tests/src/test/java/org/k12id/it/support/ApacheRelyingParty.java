package org.k12id.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * Two independent, real relying parties in one Apache httpd (Debian's {@code apache2} with its packaged
 * {@code mod_auth_openidc} 2.4 and {@code mod_auth_mellon} 0.18), signing people in through the realm under test, over
 * loopback only.
 *
 * <p>{@link #start} writes a whole server into a fresh temporary folder (its own ServerRoot, PidFile, ErrorLog,
 * DefaultRuntimeDir and mutex folder; {@code Listen 127.0.0.1:<free port>}, {@code ServerName localhost:<port>}),
 * registers the two apps as clients of the realm through the admin API, runs {@code apache2 -DFOREGROUND} and waits
 * (20 s at most) until it answers. {@link #close} kills httpd, removes the two clients and deletes the folder. Started
 * as root (as in CI), httpd serves as {@code www-data}, so the folder and its files are world-readable (the SP key too:
 * a throwaway key of this run).
 *
 * <ul>
 *   <li><b>OIDC</b>, {@code /oidc/}: mod_auth_openidc with the confidential client {@value #OIDC_CLIENT_ID}: code flow
 *   with PKCE S256, {@code OIDCScope "openid"}, userinfo fetched from Keycloak after the code exchange.
 *   {@link #oidcPage()} prints the {@code OIDC_*} variables the module hands the app; {@link #oidcInfo()} is the
 *   module's info hook, {@code {"id_token": {...}, "userinfo": {...}, "session": {...}}}; {@link #oidcLogout()} is the
 *   module's logout, which goes on to Keycloak's end-session endpoint.</li>
 *   <li><b>SAML</b>, {@code /saml/}: mod_auth_mellon, endpoints under {@code /saml/mellon}, SP key and certificate made
 *   with {@code openssl} for this run, SP metadata written here as {@code mellon_create_metadata} would, IdP metadata
 *   read from {@code {realm}/protocol/saml/descriptor}. {@link #samlPage()} prints every {@code MELLON_*} variable
 *   ({@code MellonMergeEnvVars Off} and {@code MellonEnvVarsSetCount On}: an attribute {@code X} with n values arrives
 *   as {@code MELLON_X} (the first), {@code MELLON_X_0} ... {@code MELLON_X_<n-1>} and {@code MELLON_X_N=n}; see
 *   {@link #samlAttributes}), then what mellon keeps in no variable, read from its dumps: {@code MELLON_NAME_ID_FORMAT},
 *   one {@code ASSERTION_ATTRIBUTE_ELEMENT=<Name>} per Attribute element of the assertion, and
 *   {@code ASSERTION_ENCRYPTED=true|false} (whether the response carried an EncryptedAssertion).</li>
 * </ul>
 * Pages print one {@code NAME=value} a line, sorted; {@link #variables} reads them.
 *
 * <p><b>Keycloak client settings the two modules need.</b> OIDC client {@value #OIDC_CLIENT_ID}: confidential
 * ({@code client-secret}), standard flow only, redirect URI {@code http://localhost:<port>/oidc/redirect_uri},
 * {@code pkce.code.challenge.method=S256}, {@code post.logout.redirect.uris=+##http://localhost:<port>/signed-out.html}
 * ("+", the redirect URIs, plus the page the module's logout returns to, which "+" alone would refuse),
 * {@code frontchannelLogout=false} with
 * {@code backchannel.logout.url=http://localhost:<port>/oidc/redirect_uri?logout=backchannel} and
 * {@code backchannel.logout.session.required=true}, and the client scopes of the demo's confidential app
 * {@value #OIDC_TEMPLATE_CLIENT} ({@code basic, acr, profile, email, roles, web-origins, k12-district}).
 *
 * <p>SAML client: a copy of the demo's {@value #SAML_TEMPLATE_CLIENT} (attributes, client scopes, mappers) with
 * <ul>
 *   <li>{@code clientId} = mellon's entity id, {@code http://localhost:<port>/saml/mellon/metadata};</li>
 *   <li>{@code saml_assertion_consumer_url_post=http://localhost:<port>/saml/mellon/postResponse};</li>
 *   <li>{@code saml_single_logout_service_url_redirect=http://localhost:<port>/saml/mellon/logout} with
 *   {@code frontchannelLogout=true}: Keycloak sends the LogoutRequest through the browser (redirect binding, signed:
 *   the demo's {@code saml.server.signature=true}), and mellon answers the same way;</li>
 *   <li>{@code saml.signing.certificate} = the SP certificate (base64 DER, without the PEM lines); the demo's
 *   {@code saml.client.signature=false} is kept;</li>
 *   <li>assertion encryption: {@code saml.encrypt=true}, {@code saml.encryption.certificate} = the SP certificate,
 *   {@code saml.encryption.keyAlgorithm=http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p} <em>and</em>
 *   {@code saml.encryption.digestMethod=http://www.w3.org/2000/09/xmldsig#sha1}. Keycloak 26.7.0's default key
 *   transport ({@code xmlenc11#rsa-oaep}, MGF1 with SHA-256) does not decrypt in mod_auth_mellon 0.18 with lasso 2.8;
 *   nor does {@code rsa-oaep-mgf1p} alone, because Keycloak then still writes a SHA-256 {@code DigestMethod} into the
 *   EncryptedKey (XMLEncryptionUtil defaults the OAEP digest to SHA-256): lasso logs "Could not decrypt an assertion:
 *   Creation of an encrypted node failed". With the SHA-1 digest Keycloak writes no DigestMethod (the spec's default)
 *   and lasso decrypts. The data cipher stays Keycloak's default, AES-256-GCM, which lasso decrypts;</li>
 *   <li>{@code saml_idp_initiated_sso_url_name} and {@code saml.artifact.binding.identifier} are not copied (they
 *   name the demo's client).</li>
 * </ul>
 *
 * <p>One httpd setting mellon needs for a browser on plain http: {@code SetEnv MELLON_DISABLE_SAMESITE 1}. mellon 0.18
 * marks its cookie-test cookie {@code SameSite=None} without {@code Secure}, which Chromium drops, and mellon then
 * refuses the IdP's POST ("User has disabled cookies"). Without the attribute the cookie is Lax, which the POST from
 * Keycloak on the same site ({@code localhost}, another port) carries.
 *
 * <p>A limit of mod_auth_mellon 0.18 to know when testing single logout: it finds the session an IdP's LogoutRequest
 * ends by the NameID alone, so when the same person has two mellon sessions here (two browsers), it may take the
 * other one, and lasso refuses the request ("Unknown principal on logout", HTTP 500; Keycloak's logout stops there).
 */
public final class ApacheRelyingParty implements AutoCloseable {

    /** The OIDC app's client id. */
    public static final String OIDC_CLIENT_ID = "k12-apache-oidc";
    /** The demo client whose client scopes the OIDC app takes. */
    public static final String OIDC_TEMPLATE_CLIENT = DemoRealm.CONFIDENTIAL_APP;
    /** The demo client whose settings the SAML app copies. */
    public static final String SAML_TEMPLATE_CLIENT = DemoRealm.SAML_APP;
    /** The key transport mod_auth_mellon 0.18 (lasso 2.8) decrypts; Keycloak's default does not. */
    public static final String KEY_TRANSPORT = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    /** SHA-1, the key transport's default OAEP digest: Keycloak then writes no DigestMethod, which lasso needs. */
    public static final String KEY_TRANSPORT_DIGEST = "http://www.w3.org/2000/09/xmldsig#sha1";

    private static final Path HTTPD = Path.of(System.getProperty("k12.httpd", "/usr/sbin/apache2"));
    private static final Path MODULES = Path.of(System.getProperty("k12.httpd.modules", "/usr/lib/apache2/modules"));
    private static final Path OPENSSL = Path.of(System.getProperty("k12.openssl", "/usr/bin/openssl"));
    private static final Path SETSID = Path.of(System.getProperty("k12.setsid", "/usr/bin/setsid"));
    private static final Duration STARTUP = Duration.ofSeconds(20);
    /** unixd and log_config are built into Debian's apache2; the configuration loads them only where they are not. */
    private static final List<String> LOADED_MODULES = List.of("mpm_event", "authn_core", "authz_core", "authz_user",
            "alias", "mime", "env", "cgid", "auth_openidc", "auth_mellon");
    private static final Pattern VARIABLE = Pattern.compile("^([A-Za-z0-9_]+)=(.*)$", Pattern.MULTILINE);

    /** The OIDC app's page: every {@code OIDC_*} variable, sorted. */
    private static final String OIDC_PAGE = """
            #!/bin/sh
            printf 'Content-Type: text/plain; charset=utf-8\\n\\n'
            env | grep '^OIDC_' | sort
            """;

    /** The SAML app's page: mellon's variables (but its dumps and our MELLON_DISABLE_SAMESITE), then from the dumps. */
    private static final String SAML_PAGE = """
            #!/bin/sh
            printf 'Content-Type: text/plain; charset=utf-8\\n\\n'
            env | grep '^MELLON_' | grep -v -e '^MELLON_SESSION=' -e '^MELLON_SAML_RESPONSE=' \\
                -e '^MELLON_DISABLE_SAMESITE=' | sort
            session=$(printf '%s' "$MELLON_SESSION" | base64 -d 2>/dev/null)
            printf '%s' "$session" | grep -o '<\\([A-Za-z0-9]*:\\)\\{0,1\\}NameID [^>]*Format="[^"]*"' | head -n 1 \\
                | sed 's/.*Format="\\([^"]*\\)"/MELLON_NAME_ID_FORMAT=\\1/'
            printf '%s' "$session" | grep -o '<\\([A-Za-z0-9]*:\\)\\{0,1\\}Attribute Name="[^"]*"' \\
                | sed 's/.*Name="\\([^"]*\\)"/ASSERTION_ATTRIBUTE_ELEMENT=\\1/'
            if printf '%s' "$MELLON_SAML_RESPONSE" | base64 -d 2>/dev/null | grep -q 'EncryptedAssertion'; then
                echo ASSERTION_ENCRYPTED=true
            else
                echo ASSERTION_ENCRYPTED=false
            fi
            """;

    private final RealmResource realm;
    private final String realmUrl;
    private final int port;
    private final Path home;
    private final String oidcSecret = random();
    private final List<String> registeredClients = new ArrayList<>();
    private Process httpd;

    private ApacheRelyingParty(RealmResource realm, String realmUrl, int port, Path home) {
        this.realm = realm;
        this.realmUrl = realmUrl;
        this.port = port;
        this.home = home;
    }

    /**
     * Writes the server, registers its two clients in the realm, starts httpd and waits until it answers.
     *
     * @param realm the realm's admin API ({@code ManagedRealm.admin()})
     * @param realmUrl the realm's base URL ({@code ManagedRealm.getBaseUrl()}),
     *         e.g. {@code http://localhost:8080/realms/k12-demo}
     */
    public static ApacheRelyingParty start(RealmResource realm, String realmUrl) throws Exception {
        requireInstalled();
        ApacheRelyingParty party = new ApacheRelyingParty(realm, realmUrl, freePort(),
                Files.createTempDirectory("k12-apache-rp"));
        try {
            party.writeServer();
            party.registerClients();
            party.launch();
            party.awaitAnswer();
            return party;
        } catch (Exception | Error e) {
            party.close();
            throw e;
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The OIDC app's page: the {@code OIDC_*} variables mod_auth_openidc handed the app. */
    public String oidcPage() {
        return baseUrl() + "/oidc/claims";
    }

    /** mod_auth_openidc's info hook: the ID token's claims, the userinfo and the session, as JSON. */
    public String oidcInfo() {
        return redirectUri() + "?info=json";
    }

    /** mod_auth_openidc's logout: its session, then Keycloak's (end-session endpoint), then {@link #signedOutPage()}. */
    public String oidcLogout() {
        return redirectUri() + "?logout=" + URLEncoder.encode(signedOutPage(), StandardCharsets.UTF_8);
    }

    /** An unprotected page, where the OIDC logout ends. */
    public String signedOutPage() {
        return baseUrl() + "/signed-out.html";
    }

    /** The SAML app's page: the {@code MELLON_*} variables mod_auth_mellon handed the app, and what its dumps say. */
    public String samlPage() {
        return baseUrl() + "/saml/attributes";
    }

    /** mod_auth_mellon's entity id, the SAML client's clientId. */
    public String samlEntityId() {
        return mellonEndpoint() + "/metadata";
    }

    /** The last lines of httpd's error log, for failure messages. */
    public String errorLogTail() {
        return tail(home.resolve("logs/error.log"), 40);
    }

    /** The {@code NAME=value} lines of an app page, by name, in page order (a repeated name keeps every value). */
    public static Map<String, List<String>> variables(String page) {
        Map<String, List<String>> variables = new LinkedHashMap<>();
        Matcher line = VARIABLE.matcher(page);
        while (line.find()) {
            variables.computeIfAbsent(line.group(1), name -> new ArrayList<>()).add(line.group(2));
        }
        return variables;
    }

    /**
     * The SAML attributes mellon handed the app, by attribute name, each with all its values in order: for every
     * {@code MELLON_X_N=n}, the values {@code MELLON_X_0} ... {@code MELLON_X_<n-1>} (NAME_ID and ASSERTION_ID too).
     */
    public static Map<String, List<String>> samlAttributes(String page) {
        Map<String, List<String>> variables = variables(page);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        variables.forEach((name, counts) -> {
            if (name.startsWith("MELLON_") && name.endsWith("_N")) {
                String attribute = name.substring("MELLON_".length(), name.length() - "_N".length());
                List<String> values = new ArrayList<>();
                for (int i = 0; i < Integer.parseInt(counts.get(0).trim()); i++) {
                    List<String> value = variables.get("MELLON_" + attribute + "_" + i);
                    values.add(value == null ? null : value.get(0));
                }
                attributes.put(attribute, values);
            }
        });
        return attributes;
    }

    /** Stops httpd (TERM, then KILL after 10 s), removes the two clients and deletes the server's folder. */
    @Override
    public void close() {
        stopHttpd();
        for (String id : registeredClients) {
            try {
                realm.clients().get(id).remove();
            } catch (RuntimeException alreadyGone) {
                // removed by someone else: nothing left to clean
            }
        }
        registeredClients.clear();
        deleteTree(home);
    }

    // ---- the server's files

    private void writeServer() throws IOException, InterruptedException {
        for (String folder : List.of("htdocs", "cgi", "logs", "run", "saml")) {
            Files.createDirectories(home.resolve(folder));
        }
        makeSpKey();
        write("saml/idp-metadata.xml", idpMetadata());
        write("saml/sp-metadata.xml", spMetadata());
        write("htdocs/signed-out.html", "<!doctype html><title>Signed out</title><p id=\"signed-out\">Signed out</p>\n");
        write("cgi/oidc.sh", OIDC_PAGE);
        write("cgi/saml.sh", SAML_PAGE);
        write("httpd.conf", httpdConf());
        openToServerUser();
    }

    /** A 2048-bit RSA key and a self-signed certificate for mellon, made by openssl for this run. */
    private void makeSpKey() throws IOException, InterruptedException {
        run(List.of(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "7",
                "-subj", "/CN=localhost", "-keyout", home.resolve("saml/sp.key").toString(),
                "-out", home.resolve("saml/sp.cert").toString()));
    }

    private String idpMetadata() throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/saml/descriptor"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains("IDPSSODescriptor")) {
            throw new IllegalStateException("no SAML IdP metadata at " + realmUrl + ": " + answer.statusCode());
        }
        return answer.body();
    }

    /** The SP metadata mellon_create_metadata writes: signing and encryption key, ACS (POST), SLO (redirect). */
    private String spMetadata() throws IOException {
        return """
                <EntityDescriptor entityID="%1$s" xmlns="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                  <SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" AuthnRequestsSigned="true">
                    <KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%2$s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></KeyDescriptor>
                    <KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%2$s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></KeyDescriptor>
                    <SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%3$s/logout"/>
                    <AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%3$s/postResponse" index="0"/>
                  </SPSSODescriptor>
                </EntityDescriptor>
                """.formatted(samlEntityId(), certificateBase64(), mellonEndpoint());
    }

    private String httpdConf() throws IOException {
        String loads = LOADED_MODULES.stream()
                .map(m -> "LoadModule " + m + "_module \"" + MODULES.resolve("mod_" + m + ".so") + "\"")
                .collect(Collectors.joining("\n"));
        return """
                ServerRoot "%1$s"
                ServerName localhost:%2$d
                Listen 127.0.0.1:%2$d
                PidFile "%1$s/run/httpd.pid"
                DefaultRuntimeDir "%1$s/run"
                Mutex file:%1$s/run default
                ErrorLog "%1$s/logs/error.log"
                LogLevel warn auth_openidc:info auth_mellon:info
                %3$s
                <IfModule !unixd_module>
                  LoadModule unixd_module "%4$s/mod_unixd.so"
                </IfModule>
                <IfModule !log_config_module>
                  LoadModule log_config_module "%4$s/mod_log_config.so"
                </IfModule>
                %5$s
                StartServers 1
                ServerLimit 2
                ThreadsPerChild 16
                MaxRequestWorkers 32
                MinSpareThreads 8
                MaxSpareThreads 32
                ScriptSock "%1$s/run/cgid.sock"
                LogFormat "%%h \\"%%r\\" %%>s %%b" short
                CustomLog "%1$s/logs/access.log" short
                TypesConfig /dev/null
                AddType text/html .html
                DocumentRoot "%1$s/htdocs"
                <Directory />
                  Require all denied
                </Directory>
                <Directory "%1$s/htdocs">
                  Require all granted
                </Directory>
                <Directory "%1$s/cgi">
                  Options +ExecCGI
                  Require all granted
                </Directory>

                # OIDC: mod_auth_openidc
                OIDCProviderMetadataURL %6$s/.well-known/openid-configuration
                OIDCClientID %7$s
                OIDCClientSecret %8$s
                OIDCRedirectURI %9$s
                OIDCCryptoPassphrase %10$s
                OIDCScope "openid"
                OIDCPKCEMethod S256
                OIDCInfoHook id_token userinfo session
                OIDCHTTPTimeoutShort 10
                OIDCHTTPTimeoutLong 20
                ScriptAlias /oidc/claims "%1$s/cgi/oidc.sh"
                <Location /oidc/>
                  AuthType openid-connect
                  Require valid-user
                </Location>

                # SAML: mod_auth_mellon
                MellonLockFile "%1$s/run/mellon.lock"
                ScriptAlias /saml/attributes "%1$s/cgi/saml.sh"
                <Location /saml/>
                  MellonEnable auth
                  MellonEndpointPath /saml/mellon
                  MellonSPPrivateKeyFile "%1$s/saml/sp.key"
                  MellonSPCertFile "%1$s/saml/sp.cert"
                  MellonSPMetadataFile "%1$s/saml/sp-metadata.xml"
                  MellonIdPMetadataFile "%1$s/saml/idp-metadata.xml"
                  MellonMergeEnvVars Off
                  MellonEnvVarsSetCount On
                  MellonSessionDump On
                  MellonSamlResponseDump On
                  SetEnv MELLON_DISABLE_SAMESITE 1
                  AuthType Mellon
                  Require valid-user
                </Location>
                """.formatted(home, port, loads, MODULES, serverUser(), realmUrl, OIDC_CLIENT_ID, oidcSecret,
                redirectUri(), random());
    }

    /** Started as root, httpd's children serve as www-data (nobody where there is none); otherwise as the caller. */
    private static String serverUser() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "";
        }
        boolean wwwData = Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith("www-data:"));
        return wwwData ? "User www-data\nGroup www-data" : "User nobody\nGroup nogroup";
    }

    /** httpd's children read the configuration's files and run the CGI scripts as another user. */
    private void openToServerUser() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path path : files.toList()) {
                boolean executable = Files.isDirectory(path) || path.toString().endsWith(".sh");
                String mode = executable ? "rwxr-xr-x" : "rw-r--r--";
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
            }
        }
    }

    // ---- the clients in Keycloak

    private void registerClients() throws IOException {
        ClientRepresentation oidc = oidcClient();
        ClientRepresentation saml = samlClient();
        removeExisting(OIDC_CLIENT_ID);
        removeExisting(samlEntityId());
        registeredClients.add(create(oidc));
        registeredClients.add(create(saml));
    }

    private ClientRepresentation oidcClient() {
        ClientRepresentation template = template(OIDC_TEMPLATE_CLIENT);
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(OIDC_CLIENT_ID);
        client.setName("Apache httpd with mod_auth_openidc (tests)");
        client.setProtocol("openid-connect");
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setSecret(oidcSecret);
        client.setStandardFlowEnabled(true);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setRedirectUris(List.of(redirectUri()));
        client.setFrontchannelLogout(false);
        client.setAttributes(Map.of(
                "pkce.code.challenge.method", "S256",
                "post.logout.redirect.uris", "+##" + signedOutPage(),
                "backchannel.logout.url", redirectUri() + "?logout=backchannel",
                "backchannel.logout.session.required", "true"));
        client.setDefaultClientScopes(template.getDefaultClientScopes());
        client.setOptionalClientScopes(template.getOptionalClientScopes());
        return client;
    }

    /** The demo's SAML client, moved to mellon's endpoints, with the SP's certificate and encrypted assertions. */
    private ClientRepresentation samlClient() throws IOException {
        ClientRepresentation client = template(SAML_TEMPLATE_CLIENT);
        String cert = certificateBase64();
        client.setId(null);
        client.setClientId(samlEntityId());
        client.setName("Apache httpd with mod_auth_mellon (tests)");
        client.setSecret(null);
        client.setRootUrl(null);
        client.setBaseUrl(baseUrl() + "/saml/");
        client.setRedirectUris(List.of(baseUrl() + "/saml/*"));
        client.setWebOrigins(null);
        client.setFrontchannelLogout(true);
        client.setAccess(null);
        if (client.getProtocolMappers() != null) {
            client.getProtocolMappers().forEach(mapper -> mapper.setId(null));
        }
        Map<String, String> attributes = new HashMap<>(client.getAttributes());
        attributes.remove("saml_idp_initiated_sso_url_name");
        attributes.remove("saml.artifact.binding.identifier");
        attributes.remove("client.secret.creation.time");
        attributes.put("saml_assertion_consumer_url_post", mellonEndpoint() + "/postResponse");
        attributes.put("saml_single_logout_service_url_redirect", mellonEndpoint() + "/logout");
        attributes.put("saml.signing.certificate", cert);
        attributes.put("saml.encrypt", "true");
        attributes.put("saml.encryption.certificate", cert);
        attributes.put("saml.encryption.keyAlgorithm", KEY_TRANSPORT);
        attributes.put("saml.encryption.digestMethod", KEY_TRANSPORT_DIGEST);
        client.setAttributes(attributes);
        return client;
    }

    private ClientRepresentation template(String clientId) {
        List<ClientRepresentation> found = realm.clients().findByClientId(clientId);
        if (found.isEmpty()) {
            throw new IllegalStateException("the realm has no client " + clientId + " to copy");
        }
        return found.get(0);
    }

    private String create(ClientRepresentation client) {
        try (Response answer = realm.clients().create(client)) {
            if (answer.getStatus() != 201) {
                throw new IllegalStateException("could not register " + client.getClientId() + ": " + answer.getStatus()
                        + " " + answer.readEntity(String.class));
            }
            return CreatedResponseUtil.getCreatedId(answer);
        }
    }

    /** A client left behind by an earlier run that could not clean up. */
    private void removeExisting(String clientId) {
        realm.clients().findByClientId(clientId).forEach(c -> realm.clients().get(c.getId()).remove());
    }

    // ---- the process

    /**
     * Runs httpd in a session (and process group) of its own: setsid execs it in place, so {@link #httpd} is httpd
     * itself. httpd signals its whole process group on some shutdowns (prefork does), which must not reach the test
     * JVM or the Keycloak it started.
     */
    private void launch() throws IOException {
        httpd = new ProcessBuilder(SETSID.toString(), HTTPD.toString(), "-d", home.toString(),
                "-f", home.resolve("httpd.conf").toString(), "-DFOREGROUND")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("logs/stdout.log").toFile())
                .start();
    }

    /** Waits until httpd answers on its port (20 s at most); fails with its logs if it stops or does not answer. */
    private void awaitAnswer() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!httpd.isAlive()) {
                throw new IllegalStateException("httpd stopped (exit " + httpd.exitValue() + "):\n" + startupLog());
            }
            if (answers()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("httpd did not answer on port " + port + " in " + STARTUP.toSeconds() + " s:\n"
                + startupLog());
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String startupLog() {
        return tail(home.resolve("logs/stdout.log"), 20) + "\n" + errorLogTail();
    }

    /** TERM stops httpd and its children; KILL after 10 s, then any child left. */
    private void stopHttpd() {
        if (httpd == null) {
            return;
        }
        List<ProcessHandle> children = httpd.descendants().toList();
        httpd.destroy();
        try {
            if (!httpd.waitFor(10, TimeUnit.SECONDS)) {
                httpd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        httpd = null;
    }

    // ---- small helpers

    private String redirectUri() {
        return baseUrl() + "/oidc/redirect_uri";
    }

    private String mellonEndpoint() {
        return baseUrl() + "/saml/mellon";
    }

    /** The SP certificate as Keycloak's client attributes hold certificates: base64 DER without the PEM lines. */
    private String certificateBase64() throws IOException {
        return Files.readAllLines(home.resolve("saml/sp.cert")).stream()
                .filter(line -> !line.startsWith("-----"))
                .collect(Collectors.joining());
    }

    private void write(String relative, String content) throws IOException {
        Files.writeString(home.resolve(relative), content);
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = home.resolve("logs/setup.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + tail(log, 20));
        }
    }

    private static void requireInstalled() {
        for (Path needed : List.of(HTTPD, OPENSSL, SETSID, MODULES.resolve("mod_auth_openidc.so"),
                MODULES.resolve("mod_auth_mellon.so"))) {
            if (!Files.exists(needed)) {
                throw new AssertionError(needed + " is needed: apt-get install -y apache2 libapache2-mod-auth-openidc"
                        + " libapache2-mod-auth-mellon openssl");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ")";
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
