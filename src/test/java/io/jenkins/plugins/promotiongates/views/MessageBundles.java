package io.jenkins.plugins.promotiongates.views;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Messages as Jenkins renders them. Both kinds of message file go through
 * {@link MessageFormat}, whether or not the message has arguments: {@code Messages.properties}
 * (the localizer's {@code ResourceBundleHolder.format}) and a view's {@code x.properties} (Stapler's
 * {@code ResourceBundle.format}, for every {@code ${%key}} whose key the file defines). So a single
 * {@code '} is lost (it starts a quoted section) and must be written {@code ''}. A {@code ${%text}}
 * whose text the file does not define is shown as it is, unformatted.
 *
 * <p>In a view, Stapler reads {@code ${%key(a, b)}} as the message {@code key} called with the JEXL
 * arguments {@code a} and {@code b}, splitting at commas outside brackets and quotes; Jelly, which
 * finds the {@code ${...}}, reads {@code '} and {@code "} as quotes that hide the closing brace.
 */
final class MessageBundles {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)\\}");
    private static final Pattern LOCALE = Pattern.compile("_[a-z]{2,3}(_[A-Za-z0-9]+)*$");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z]+[A-Z][A-Za-z0-9]*");

    private MessageBundles() {}

    /**
     * Whether {@code file} is a message file: {@code Messages.properties} (or a translation of it),
     * or the messages of a view {@code x.jelly} next to it ({@code x.properties}, {@code x_fr.properties}).
     */
    static boolean isMessageFile(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".properties")) {
            return false;
        }
        String base = LOCALE.matcher(name.substring(0, name.length() - ".properties".length()))
                .replaceFirst("");
        return base.equals("Messages") || Files.exists(file.resolveSibling(base + ".jelly"));
    }

    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    /** One problem per message that {@link MessageFormat} would not render as written. */
    static List<String> checkFile(Path file, String where) throws IOException {
        List<String> problems = new ArrayList<>();
        Properties messages = load(file);
        for (String key : new TreeSet<>(messages.stringPropertyNames())) {
            String message = messages.getProperty(key);
            String rendered;
            try {
                rendered = new MessageFormat(message).format(placeholders(arity(message)));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": message '" + key + "' is not a MessageFormat pattern: " + e.getMessage());
                continue;
            }
            String meant = ARGUMENT.matcher(message.replace("''", "'")).replaceAll("<$1>");
            if (!rendered.equals(meant)) {
                problems.add(where + ": message '" + key + "' renders as \"" + rendered + "\", not \"" + meant
                        + "\": Jenkins formats every message with MessageFormat, where an apostrophe is written ''");
            }
        }
        return problems;
    }

    /** How many arguments a message takes: one more than its highest {@code {n}}. */
    static int arity(String message) {
        try {
            return new MessageFormat(message).getFormatsByArgumentIndex().length;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static Object[] placeholders(int arity) {
        Object[] placeholders = new Object[arity];
        for (int i = 0; i < arity; i++) {
            placeholders[i] = "<" + i + ">";
        }
        return placeholders;
    }

    /**
     * Reads {@code ${%text}} or {@code ${%key(a, b)}} as Stapler does, recording the problems of the
     * use against the view's messages; returns the arguments to check as JEXL.
     */
    static List<String> checkUse(String expression, Properties messages, String messagesFile, List<String> problems) {
        String text = expression.substring(1);
        int open = text.indexOf('(');
        if (open < 0) {
            if (messages.getProperty(text, "").isEmpty()) {
                if (text.indexOf('\'') >= 0 || text.indexOf('"') >= 0) {
                    problems.add("${" + expression + "} has a quote in its text: Jelly reads it as the start of"
                            + " a string, and a translation would lose it to MessageFormat; use a key in "
                            + messagesFile + " (with '' for ')");
                } else if (CAMEL_CASE.matcher(text).matches()) {
                    problems.add("${" + expression + "} looks like a key, but " + messagesFile
                            + " does not define it: the page would show '" + text + "'");
                }
            }
            return List.of();
        }
        String key = text.substring(0, open);
        List<String> arguments = arguments(text.substring(open + 1));
        if (arguments == null) {
            problems.add("${" + expression + "} is missing the ')' that ends its arguments");
            return List.of();
        }
        String message = messages.getProperty(key, "");
        if (!KEY.matcher(key).matches() || message.isEmpty()) {
            problems.add("${" + expression + "} calls message '" + key + "' with arguments, but " + messagesFile
                    + " has no such key (text in parentheses is read as arguments: use a key)");
            return arguments;
        }
        if (arity(message) != arguments.size()) {
            problems.add("${" + expression + "} passes " + arguments.size() + " argument(s) to message '" + key
                    + "', which takes " + arity(message));
        }
        return arguments;
    }

    /**
     * {@code "a, f(b, c))"} → {@code [a, f(b, c)]}: the arguments up to the closing parenthesis, split at
     * commas outside brackets and quotes; {@code null} when no parenthesis closes them.
     */
    static List<String> arguments(String text) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    return null;
                }
                i = end;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if ((c == ',' || c == ')') && depth == 0) {
                String argument = text.substring(start, i).trim();
                if (!argument.isEmpty() || c == ',') {
                    arguments.add(argument);
                }
                if (c == ')') {
                    return arguments;
                }
                start = i + 1;
            }
        }
        return null;
    }

    /** The message file of a view: {@code index.jelly} → {@code index.properties}. */
    static Path of(Path view) {
        String name = view.getFileName().toString();
        return view.resolveSibling(name.substring(0, name.length() - ".jelly".length()) + ".properties");
    }
}
