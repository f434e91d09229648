package org.k12id.domain.questions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Which questions "Forgot my password" asks. A person's own: {@code toAsk} of their set, at random each time. A name
 * with no usable account (unknown, disabled, without questions) gets stand-ins: a set of the same size drawn from the
 * bank by a keyed hash of the name, so the same name always has the same set, and then {@code toAsk} of those at random,
 * exactly as for a person. So asking twice shows nothing about whether the account exists.
 */
public final class QuestionPicks {

    private QuestionPicks() {
    }

    /** {@code count} questions of {@code ids} at random, in random order. */
    public static List<String> ask(List<String> ids, int count, Random random) {
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    /**
     * The stand-in set of {@code size} questions of {@code bankIds} for {@code name}: fixed for a name and a key, and
     * unpredictable without the key.
     */
    public static List<String> standIns(byte[] key, String name, List<String> bankIds, int size) {
        byte[] digest;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            digest = mac.doFinal(Answers.normalise(name).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256", e);
        }
        List<String> shuffled = new ArrayList<>(bankIds);
        Collections.shuffle(shuffled, new Random(ByteBuffer.wrap(digest).getLong()));
        return List.copyOf(shuffled.subList(0, Math.min(size, shuffled.size())));
    }
}
