package io.jenkins.plugins.promotiongates.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step call in a Jenkinsfile snippet, {@code promoteArtifact artifact: 'a', to: 'b'} or with
 * parentheses, over several lines when a line ends with a comma. Literal values become a String,
 * an Integer, a Boolean or a List; anything else (a variable, {@code env.VERSION}, a GString) is an
 * {@link Expression}, whose type only the running script knows.
 */
record StepCall(String step, int line, Map<String, Object> arguments) {

    /** A value that is not a literal. */
    record Expression(String text) {}

    static List<StepCall> find(String script, List<String> steps) {
        String code = withoutComments(script);
        Matcher matcher =
                Pattern.compile("\\b(" + String.join("|", steps) + ")\\b").matcher(code);
        List<StepCall> calls = new ArrayList<>();
        while (matcher.find()) {
            int line = (int) code.substring(0, matcher.start())
                    .chars()
                    .filter(c -> c == '\n')
                    .count();
            Parser parser = new Parser(code, matcher.end());
            calls.add(new StepCall(matcher.group(1), line, parser.arguments()));
        }
        return calls;
    }

    private static String withoutComments(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            code.append(line.replaceFirst("(^|\\s)//.*$", "")).append('\n');
        }
        return code.toString();
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text, int at) {
            this.text = text;
            this.at = at;
        }

        Map<String, Object> arguments() {
            Map<String, Object> arguments = new LinkedHashMap<>();
            skip(" \t");
            if (peek() == '(') {
                at++;
            }
            while (true) {
                skip(" \t\r\n");
                Matcher key =
                        Pattern.compile("\\G([A-Za-z_][A-Za-z0-9_]*)\\s*:").matcher(text);
                if (!key.find(at)) {
                    return arguments;
                }
                at = key.end();
                skip(" \t");
                if (arguments.put(key.group(1), value()) != null) {
                    throw new AssertionError("argument " + key.group(1) + " given twice");
                }
                skip(" \t");
                if (peek() != ',') {
                    return arguments;
                }
                at++;
            }
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string(c);
            }
            if (c == '[') {
                at++;
                List<Object> list = new ArrayList<>();
                skip(" \t\r\n");
                while (peek() != ']') {
                    list.add(value());
                    skip(" \t\r\n");
                    if (peek() == ',') {
                        at++;
                        skip(" \t\r\n");
                    }
                }
                at++;
                return list;
            }
            Matcher literal =
                    Pattern.compile("\\G(-?\\d+|true|false)\\b(?!\\s*[.(])").matcher(text);
            if (literal.find(at)) {
                at = literal.end();
                String word = literal.group(1);
                return word.equals("true") || word.equals("false")
                        ? (Object) Boolean.valueOf(word)
                        : Integer.valueOf(word);
            }
            int start = at;
            int depth = 0;
            while (at < text.length()) {
                char d = text.charAt(at);
                if (depth == 0 && (d == ',' || d == '\n' || d == ')' || d == ']')) {
                    break;
                }
                depth += d == '(' || d == '[' ? 1 : d == ')' || d == ']' ? -1 : 0;
                at++;
            }
            return new Expression(text.substring(start, at).trim());
        }

        private Object string(char quote) {
            StringBuilder value = new StringBuilder();
            at++;
            boolean interpolated = false;
            while (text.charAt(at) != quote) {
                char c = text.charAt(at++);
                if (c == '\\') {
                    c = text.charAt(at++);
                } else if (c == '$' && quote == '"') {
                    interpolated = true;
                }
                value.append(c);
            }
            at++;
            return interpolated ? new Expression(quote + value.toString() + quote) : value.toString();
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void skip(String blanks) {
            while (at < text.length() && blanks.indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }
    }
}
