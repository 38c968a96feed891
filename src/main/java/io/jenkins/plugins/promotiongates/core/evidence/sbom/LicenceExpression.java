package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import java.util.Locale;

/**
 * An SPDX licence expression as a tree: a licence, or two expressions joined by {@code AND} or {@code OR}.
 * {@link LicenceExpressionParser} builds it; {@link LicenceAllowList} judges it.
 */
public sealed interface LicenceExpression {

    /**
     * One licence: an SPDX id or {@code LicenseRef-}, possibly "or later" ({@code +}) and with an exception.
     *
     * @param id the licence id as written, such as {@code GPL-2.0-only} or {@code LicenseRef-acme}
     * @param orLater whether it was written with {@code +} (this version or any later one)
     * @param exception the exception after {@code WITH}, or empty
     */
    record Licence(String id, boolean orLater, String exception) implements LicenceExpression {

        /** The licence as written: {@code id}, {@code id+}, {@code id WITH exception}. */
        public String text() {
            return id + (orLater ? "+" : "") + (exception.isEmpty() ? "" : " WITH " + exception);
        }

        /** The key an allow-list compares by: SPDX ids match case-insensitively. */
        String key() {
            return text().toLowerCase(Locale.ROOT);
        }

        /** This licence without its exception and "or later" mark. */
        Licence plain() {
            return new Licence(id, false, "");
        }
    }

    /** Both licences apply: both must be allowed. */
    record And(LicenceExpression left, LicenceExpression right) implements LicenceExpression {}

    /** The recipient may choose either: one allowed side is enough. */
    record Or(LicenceExpression left, LicenceExpression right) implements LicenceExpression {}
}
