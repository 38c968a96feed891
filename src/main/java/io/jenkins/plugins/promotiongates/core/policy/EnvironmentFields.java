package io.jenkins.plugins.promotiongates.core.policy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One setting of an environment checked while the administrator types it, exactly as saving checks it:
 * each check reads a draft environment that differs from the defaults only in the fields given, through
 * {@link EnvironmentSettings#toEnvironment} and {@link PolicyValidator}, and answers the problems saving
 * would report for that field. So the form and the save say the same thing, in the same words. Each
 * check answers {@code null} when the value is fine.
 */
public final class EnvironmentFields {

    private static final String PREFIX = "environment";

    private EnvironmentFields() {}

    public static String name(String name) {
        return problem("name", draft -> draft.name = name);
    }

    /** {@code promotedFrom} of the environment called {@code self}. */
    public static String promotedFrom(String self, String promotedFrom) {
        return problem("promotedFrom", draft -> {
            draft.name = self == null || self.isBlank() ? "environment" : self;
            draft.promotedFrom = promotedFrom;
        });
    }

    public static String approvalValidity(String text) {
        return problem("approvalValidity", draft -> draft.approvalValidity = text);
    }

    public static String gateTimeout(String text) {
        return problem("gateTimeout", draft -> draft.gateTimeout = text);
    }

    public static String soakTime(String text) {
        return problem("soakTime", draft -> draft.soakTime = text);
    }

    public static String timeZone(String text) {
        return problem("timeZone", draft -> draft.timeZone = text);
    }

    public static String allowedBranches(String text) {
        return problem("allowedBranches", draft -> draft.allowedBranches = text);
    }

    /**
     * {@code rollbackApprovals} read on its own: a whole number, at least 0. Its upper bound, the sum of the
     * rules' counts, is checked when the environment is saved with its rules.
     */
    public static String rollbackApprovals(String text) {
        return problem("rollbackApprovals", draft -> {
            draft.rules.add(new EnvironmentSettings.RuleSettings("", "", "group", PolicyValidator.MAX_COUNT, false));
            draft.rollbackApprovals = text;
        });
    }

    /** An approval rule's eligible people: it must name some users or groups. */
    public static String ruleEligibility(String users, String groups) {
        return problem(
                "approvalRules[0]",
                draft -> draft.rules.add(new EnvironmentSettings.RuleSettings("", users, groups, 1, false)));
    }

    /** An approval rule's count, with the users and groups it counts among. */
    public static String ruleCount(String users, String groups, int count) {
        return problem(
                "approvalRules[0].count",
                draft -> draft.rules.add(new EnvironmentSettings.RuleSettings("", users, groups, count, false)));
    }

    public static String windowDays(String days) {
        return problem(
                "changeWindows[0].days",
                draft -> draft.windows.add(new EnvironmentSettings.WindowSettings(days, "09:00", "17:00")));
    }

    /** A change window's {@code start} or {@code end}. */
    public static String windowTime(String which, String time) {
        return problem(
                "changeWindows[0]." + which,
                draft -> draft.windows.add(new EnvironmentSettings.WindowSettings(
                        "MON", "start".equals(which) ? time : "09:00", "start".equals(which) ? "17:00" : time)));
    }

    /** A freeze's {@code from} and {@code to}: each an instant, the start before the end. */
    public static String freeze(String from, String to) {
        return problem("freezes[0]", draft -> draft.freezes.add(new EnvironmentSettings.FreezeSettings(from, to, "")));
    }

    public static String signatureKeys(String trustedKeys) {
        return problem(
                "signature.trustedKeys",
                draft -> draft.signature = new EnvironmentSettings.SignatureSettings(
                        trustedKeys, SignatureRequirement.DEFAULT_MINIMUM_RSA_BITS, SignatureHash.SHA256.label()));
    }

    public static String minimumRsaBits(int bits) {
        return problem(
                "signature.minimumRsaBits",
                draft -> draft.signature =
                        new EnvironmentSettings.SignatureSettings("key", bits, SignatureHash.SHA256.label()));
    }

    public static String minimumHash(String hash) {
        return problem(
                "signature.minimumHash",
                draft -> draft.signature = new EnvironmentSettings.SignatureSettings(
                        "key", SignatureRequirement.DEFAULT_MINIMUM_RSA_BITS, hash));
    }

    /** Who may break the glass, when break-glass is on. */
    public static String breakGlassUsers(String users) {
        return problem(
                "breakGlass.users",
                draft -> draft.breakGlass = new EnvironmentSettings.BreakGlassSettings(true, users));
    }

    /**
     * The names in {@code text} that are not among {@code known}, as a warning, or {@code null}: for
     * references that saving checks against the whole form ({@code promotedFrom}) or that a promotion
     * checks ({@code signature.trustedKeys}), while the form only knows what was saved before.
     *
     * @param kind what the names are, for the message: {@code environment}, {@code trusted key}
     */
    public static String unknownNames(String kind, String text, Collection<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String name : NameList.parse(text)) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return null;
        }
        return String.join(", ", unknown) + (unknown.size() == 1 ? " is not a saved " : " are not saved ") + kind
                + (unknown.size() == 1 ? "" : "s") + " (known: " + (known.isEmpty() ? "none" : String.join(", ", known))
                + "); define " + (unknown.size() == 1 ? "it" : "them") + " before saving, or correct the spelling";
    }

    /**
     * What to offer for the name being typed at the end of a comma-separated list: the {@code candidates}
     * that start with it (ignoring case) and are not in the list yet, in their order.
     */
    public static List<String> completions(String typed, Collection<String> candidates) {
        String text = typed == null ? "" : typed;
        String word = text.substring(text.lastIndexOf(',') + 1).trim().toLowerCase(Locale.ROOT);
        List<String> listed = NameList.parse(text.substring(0, text.lastIndexOf(',') + 1));
        List<String> offered = new ArrayList<>();
        for (String candidate : candidates) {
            if (candidate.toLowerCase(Locale.ROOT).startsWith(word) && !listed.contains(candidate)) {
                offered.add(candidate);
            }
        }
        return offered;
    }

    /** Every time zone id the JVM knows, sorted: what {@code timeZone} accepts. */
    public static List<String> timeZones() {
        return List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    }

    private static String problem(String field, Consumer<Draft> change) {
        Draft draft = new Draft();
        change.accept(draft);
        try {
            draft.settings().toEnvironment(PREFIX);
            return null;
        } catch (InvalidPolicyException e) {
            List<String> messages = new ArrayList<>();
            for (PolicyProblem problem : e.problems()) {
                // The reader names fields "environment.x", the validator "environmentx": the same field.
                String path = problem.field().startsWith(PREFIX)
                        ? problem.field().substring(PREFIX.length()).replaceFirst("^\\.", "")
                        : problem.field();
                if (path.equals(field) || path.startsWith(field + "[") || path.startsWith(field + ".")) {
                    messages.add(problem.message());
                }
            }
            return messages.isEmpty() ? null : String.join("; ", messages);
        }
    }

    /** An environment with every default, but for the fields a check sets. */
    private static final class Draft {
        private String name = "environment";
        private String promotedFrom = "";
        private final List<EnvironmentSettings.RuleSettings> rules = new ArrayList<>();
        private String approvalValidity = "24h";
        private String gateTimeout = "7d";
        private EnvironmentSettings.SignatureSettings signature;
        private String allowedBranches = "";
        private String timeZone = "UTC";
        private final List<EnvironmentSettings.WindowSettings> windows = new ArrayList<>();
        private final List<EnvironmentSettings.FreezeSettings> freezes = new ArrayList<>();
        private String soakTime = "0";
        private EnvironmentSettings.BreakGlassSettings breakGlass;
        private String rollbackApprovals = "";

        EnvironmentSettings settings() {
            return new EnvironmentSettings(
                    name,
                    promotedFrom,
                    rules,
                    true,
                    true,
                    true,
                    approvalValidity,
                    gateTimeout,
                    signature,
                    allowedBranches,
                    timeZone,
                    windows,
                    freezes,
                    soakTime,
                    "",
                    breakGlass,
                    rollbackApprovals,
                    List.of());
        }
    }
}
