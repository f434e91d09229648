package org.k12id.passwordpolicies.checklist;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The checklist a person sees while choosing a password, derived from the realm's configured password policies: one
 * line per policy that judges a password, in a stable order, each with its text in the person's language and whether
 * the candidate meets it. Policies that judge no password (hashing, expiry) are left out; those that need the
 * password history are listed but judged only when the form is sent (they hash, too costly per keystroke).
 */
public final class Checklist {

    /** Policies that judge no password. */
    static final Set<String> SILENT = Set.of("hashAlgorithm", "hashIterations", "forceExpiredPasswordChange",
            "maxAuthAge", "k12-expiry-by-role");
    /** Policies judged only when the form is sent. */
    static final Set<String> ON_SUBMIT = Set.of("passwordHistory", "passwordAge");
    /** The order a person reads the rules in; others follow alphabetically. */
    static final List<String> ORDER = List.of("length", "maxLength", "upperCase", "lowerCase", "digits",
            "specialChars", "notUsername", "k12-not-names", "notEmail", "notContainsUsername", "k12-no-whitespace",
            "k12-not-begin-or-end-with");

    static final String SUMMARY_MET = "k12.checklist.met";
    static final String SUMMARY_NOT_MET = "k12.checklist.notMet";
    static final String RULE_PREFIX = "k12.rule.";

    private Checklist() {
    }

    /** One line: the policy id, its text, and whether it is met ({@code null}: judged when the form is sent). */
    public record Item(String policy, String text, Boolean met) {
    }

    /** The whole answer: every line, whether all are met, the summary, and the words the page needs. */
    public record Result(List<Item> rules, boolean met, String summary, Labels labels) {
    }

    /** The page's own words, in the person's language: the list's title and each line's state for screen readers. */
    public record Labels(String title, String ruleMet, String ruleNotMet, String ruleOnSubmit) {
    }

    /**
     * @param policies    the realm's configured policy ids
     * @param config      a policy's parsed config (for the text's {0})
     * @param meets       whether the candidate password meets a policy (the server's own check)
     * @param messages    the login theme's messages in the person's language
     * @param displayName a policy's display name, for policies without a text of their own
     */
    public static Result evaluate(Collection<String> policies, Function<String, Object> config, Predicate<String> meets,
                                  Properties messages, Function<String, String> displayName, Locale locale) {
        List<String> ids = new ArrayList<>(policies.stream().filter(id -> !SILENT.contains(id)).toList());
        ids.sort(Comparator.comparingInt((String id) -> ORDER.contains(id) ? ORDER.indexOf(id) : ORDER.size())
                .thenComparing(Comparator.naturalOrder()));
        List<Item> items = new ArrayList<>();
        boolean all = true;
        for (String id : ids) {
            String text = text(id, config.apply(id), messages, displayName, locale);
            if (ON_SUBMIT.contains(id)) {
                items.add(new Item(id, text, null));
                continue;
            }
            boolean met = meets.test(id);
            all &= met;
            items.add(new Item(id, text, met));
        }
        String summary = messages.getProperty(all ? SUMMARY_MET : SUMMARY_NOT_MET,
                all ? "Password Meets Requirements" : "Password Does Not Meet Requirements");
        Labels labels = new Labels(messages.getProperty("k12.checklist.title", "Your new password must meet these requirements:"),
                messages.getProperty("k12.checklist.ruleMet", "met"),
                messages.getProperty("k12.checklist.ruleNotMet", "not met"),
                messages.getProperty("k12.checklist.ruleOnSubmit", "checked when you save"));
        return new Result(List.copyOf(items), all, summary, labels);
    }

    static String text(String id, Object config, Properties messages, Function<String, String> displayName, Locale locale) {
        String pattern = messages.getProperty(RULE_PREFIX + id);
        if (pattern == null) {
            return displayName.apply(id);
        }
        Object argument = config instanceof Number ? config : config == null ? "" : String.valueOf(config);
        try {
            return new MessageFormat(pattern, locale).format(new Object[] {argument});
        } catch (IllegalArgumentException e) {
            return pattern; // a realm's own override with a broken pattern shows as written, never as an error
        }
    }
}
