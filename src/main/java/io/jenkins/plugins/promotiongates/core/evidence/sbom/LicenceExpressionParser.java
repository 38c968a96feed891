package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses SPDX licence expressions (SPDX 2.3 Annex D): {@code OR} binds loosest, then {@code AND}, then
 * {@code WITH}; parentheses group; {@code +} after an id means "or later". Operators are upper case, as
 * the specification writes them. Anything else ({@code and}, {@code /}, {@code &}, {@code ||}, a comma, two
 * ids in a row, an unbalanced parenthesis) is refused with a message naming what was found and where.
 */
public final class LicenceExpressionParser {

    /** The longest expression parsed: real ones are a few dozen characters. */
    static final int MAX_LENGTH = 1000;

    /** Deepest parenthesis nesting accepted. */
    static final int MAX_DEPTH = 20;

    private static final Pattern TOKEN =
            Pattern.compile("\\s*(?:(\\()|(\\))|([A-Za-z0-9.\\-:]+)(\\+?)|([^A-Za-z0-9.\\-:()\\s]+))");

    private final List<String> tokens = new ArrayList<>();
    private final List<Boolean> plus = new ArrayList<>();
    private final String text;
    private int at;

    private LicenceExpressionParser(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong in {@code text}, such as {@code '/' is not an SPDX
     *     operator: join licences with AND, OR or WITH}
     */
    public static LicenceExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the licence expression is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "the licence expression is " + text.length() + " characters; at most " + MAX_LENGTH);
        }
        LicenceExpressionParser parser = new LicenceExpressionParser(text);
        parser.tokenize();
        LicenceExpression expression = parser.or(0);
        if (parser.at < parser.tokens.size()) {
            throw parser.unexpected("AND, OR, WITH or the end");
        }
        return expression;
    }

    private void tokenize() {
        Matcher matcher = TOKEN.matcher(text);
        int position = 0;
        while (position < text.length() && !text.substring(position).isBlank()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw new IllegalArgumentException(
                        "cannot read " + QuotedInput.of(text.substring(position).strip()));
            }
            if (matcher.group(5) != null) {
                String odd = matcher.group(5);
                throw new IllegalArgumentException(QuotedInput.of(odd) + " in " + QuotedInput.of(text)
                        + " is not an SPDX operator or licence id: join licences with AND, OR or WITH");
            }
            String token = matcher.group(1) != null ? "(" : matcher.group(2) != null ? ")" : matcher.group(3);
            tokens.add(token);
            plus.add(matcher.group(4) != null && !matcher.group(4).isEmpty());
            position = matcher.end();
        }
    }

    private LicenceExpression or(int depth) {
        LicenceExpression left = and(depth);
        while (accept("OR")) {
            left = new LicenceExpression.Or(left, and(depth));
        }
        return left;
    }

    private LicenceExpression and(int depth) {
        LicenceExpression left = with(depth);
        while (accept("AND")) {
            left = new LicenceExpression.And(left, with(depth));
        }
        return left;
    }

    private LicenceExpression with(int depth) {
        if (accept("(")) {
            if (depth >= MAX_DEPTH) {
                throw new IllegalArgumentException(
                        QuotedInput.of(text) + " nests parentheses deeper than " + MAX_DEPTH + " levels");
            }
            LicenceExpression inner = or(depth + 1);
            if (!accept(")")) {
                throw unexpected("')'");
            }
            return inner;
        }
        String id = licenceId("a licence id or '('");
        boolean orLater = plus.get(at - 1);
        String exception = "";
        if (accept("WITH")) {
            exception = licenceId("an exception id after WITH");
            if (plus.get(at - 1)) {
                throw new IllegalArgumentException("'+' after the exception " + exception + " in "
                        + QuotedInput.of(text) + ": only a licence" + " can be 'or later'");
            }
        }
        return new LicenceExpression.Licence(id, orLater, exception);
    }

    private String licenceId(String expected) {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException(QuotedInput.of(text) + " ends where " + expected + " should be");
        }
        String token = tokens.get(at);
        if (token.equals("(") || token.equals(")") || isOperator(token)) {
            throw unexpected(expected);
        }
        if (isOperator(token.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException(QuotedInput.of(token) + " in " + QuotedInput.of(text)
                    + " is written in lower case: SPDX operators are AND, OR and WITH");
        }
        at++;
        return token;
    }

    private boolean accept(String token) {
        if (at < tokens.size() && tokens.get(at).equals(token)) {
            at++;
            return true;
        }
        return false;
    }

    private IllegalArgumentException unexpected(String expected) {
        if (at >= tokens.size()) {
            return new IllegalArgumentException(QuotedInput.of(text) + " ends where " + expected + " should be");
        }
        String found = tokens.get(at);
        String hint = isOperator(found.toUpperCase(Locale.ROOT)) && !isOperator(found)
                ? ": SPDX operators are upper case (AND, OR, WITH)"
                : "";
        return new IllegalArgumentException(
                "expected " + expected + " but found " + QuotedInput.of(found) + " in " + QuotedInput.of(text) + hint);
    }

    private static boolean isOperator(String token) {
        return token.equals("AND") || token.equals("OR") || token.equals("WITH");
    }
}
