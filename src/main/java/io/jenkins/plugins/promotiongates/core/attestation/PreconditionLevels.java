package io.jenkins.plugins.promotiongates.core.attestation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The preconditions a promotion passed, as custom values of the Verification Summary's
 * {@code verifiedLevels}: precondition {@code changeWindow} is {@code PROMOTION_GATES_CHANGE_WINDOW}. The
 * VSA specification allows custom values that do not start with {@code SLSA_}, one per track; each
 * precondition is its own track. Precondition names are lower camel case, so the mapping is one-to-one.
 */
final class PreconditionLevels {

    /** The prefix of every level this plugin writes. */
    static final String PREFIX = "PROMOTION_GATES_";

    private static final Pattern GATE_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    private PreconditionLevels() {}

    /**
     * Checks a list of precondition names: each lower camel case (such as {@code changeWindow}), none twice.
     *
     * @throws IllegalArgumentException naming the first name refused and why
     */
    static List<String> checked(List<String> gates) {
        if (gates == null) {
            throw new IllegalArgumentException("The gates passed are missing; give an empty list if none applied.");
        }
        Set<String> seen = new HashSet<>();
        for (String gate : gates) {
            if (gate == null || !GATE_NAME.matcher(gate).matches()) {
                throw new IllegalArgumentException("Gate name '" + gate + "' is not a gate name: write it in lower"
                        + " camel case, letters and digits only, as the engine's gates are named (changeWindow).");
            }
            if (!seen.add(gate)) {
                throw new IllegalArgumentException("Gate '" + gate + "' is listed twice; list each gate once.");
            }
        }
        return List.copyOf(gates);
    }

    /** The {@code verifiedLevels} value of each precondition, in the same order. */
    static List<String> levels(List<String> gates) {
        List<String> levels = new ArrayList<>(gates.size());
        for (String gate : gates) {
            levels.add(PREFIX + gate.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
        }
        return levels;
    }
}
