package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The licences a policy accepts, each one SPDX licence ({@code Apache-2.0}, {@code GPL-2.0-only WITH
 * Classpath-exception-2.0}, {@code LicenseRef-acme}). An expression is accepted when every licence it
 * requires is: both sides of {@code AND}, one side of {@code OR}. A licence with an exception or "or later"
 * is also accepted when the plain licence is listed (an exception only adds permissions, and "or later"
 * lets the recipient choose the listed version). Ids compare case-insensitively, as SPDX says.
 */
public final class LicenceAllowList {

    private final List<String> entries;
    private final Set<String> keys = new LinkedHashSet<>();

    /**
     * @param setting the setting's name for messages, such as {@code sbom.allowedLicences}
     * @throws IllegalArgumentException naming the setting and the entry that is not one SPDX licence
     */
    public LicenceAllowList(List<String> entries, String setting) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException(setting + " is empty: list the SPDX licence ids you accept, such as"
                    + " Apache-2.0, MIT, BSD-3-Clause");
        }
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            LicenceExpression parsed;
            try {
                parsed = LicenceExpressionParser.parse(entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + "[" + i + "] " + QuotedInput.of(entry)
                        + " is not an SPDX licence: " + e.getMessage());
            }
            if (!(parsed instanceof LicenceExpression.Licence licence)) {
                throw new IllegalArgumentException(setting + "[" + i + "] " + QuotedInput.of(entry)
                        + " combines licences; list each licence on its own line, and expressions made of them"
                        + " are judged by AND and OR");
            }
            keys.add(licence.key());
        }
        this.entries = List.copyOf(entries);
    }

    /** The entries as the policy lists them. */
    public List<String> entries() {
        return entries;
    }

    /** The licences that keep {@code expression} from being accepted; empty when it is accepted. */
    public List<LicenceExpression.Licence> refused(LicenceExpression expression) {
        List<LicenceExpression.Licence> refused = new ArrayList<>();
        if (expression instanceof LicenceExpression.Licence licence) {
            if (!keys.contains(licence.key()) && !keys.contains(licence.plain().key())) {
                refused.add(licence);
            }
        } else if (expression instanceof LicenceExpression.And and) {
            refused.addAll(refused(and.left()));
            refused.addAll(refused(and.right()));
        } else if (expression instanceof LicenceExpression.Or or) {
            List<LicenceExpression.Licence> left = refused(or.left());
            List<LicenceExpression.Licence> right = left.isEmpty() ? List.of() : refused(or.right());
            if (!right.isEmpty()) {
                refused.addAll(left);
                refused.addAll(right);
            }
        }
        return refused;
    }
}
