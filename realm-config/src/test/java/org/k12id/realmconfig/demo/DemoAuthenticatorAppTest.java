package org.k12id.realmconfig.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DemoAuthenticatorAppTest {

    @Test
    void rfc6238VectorsForSha1() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        // RFC 6238, appendix B (8 digits there; the last 6 here)
        assertEquals("287082", DemoAuthenticatorApp.code(key, 59));
        assertEquals("081804", DemoAuthenticatorApp.code(key, 1111111109));
        assertEquals("050471", DemoAuthenticatorApp.code(key, 1111111111));
        assertEquals("005924", DemoAuthenticatorApp.code(key, 1234567890));
        assertEquals("279037", DemoAuthenticatorApp.code(key, 2000000000));
    }

    @Test
    void theAppKeyIsTheSecretInBase32() {
        // Base32 by its alphabet, without padding, as Keycloak shows a key
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] bytes = DemoAuthenticatorApp.SECRET.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        assertEquals(out.toString(), DemoAuthenticatorApp.APP_KEY);
    }
}
