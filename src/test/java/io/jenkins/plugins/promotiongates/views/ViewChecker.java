package io.jenkins.plugins.promotiongates.views;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Checks the Jelly views, help files and message files under a resources root against the compiled
 * classes: escape-by-default, well-formed XML, no raw output or inline script, every {@code field}
 * bound to a property of its class and explained by a {@code help-x.html}, every {@code help-x.html}
 * naming such a property; every {@code ${...}} evaluated as Jenkins's JEXL 1.x would
 * ({@link JexlTypes}), every {@code ${%...}} and every message rendered as Stapler and the localizer
 * would ({@link MessageBundles}).
 */
final class ViewChecker {

    static final String HEADER = "<?jelly escape-by-default='true'?>";

    private static final Pattern FIELD = Pattern.compile("\\bfield\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern HELP = Pattern.compile("help-(.+)\\.html");
    static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)\\}");
    private static final List<String> FORBIDDEN =
            List.of("h.rawHtml", "<j:out", "<script", "onclick=", "onload=", "javascript:");

    private final Path root;
    private final JavaClasses classes;
    private final List<String> problems = new ArrayList<>();
    private int checkedViews;
    private int checkedMessageFiles;

    ViewChecker(Path root, JavaClasses classes) {
        this.root = root;
        this.classes = classes;
    }

    /** Runs every check; returns one line per problem, naming the file. */
    List<String> check() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".jelly")) {
                checkJelly(file);
                checkedViews++;
            } else if (HELP.matcher(name).matches()) {
                checkHelp(file);
            } else if (MessageBundles.isMessageFile(file)) {
                problems.addAll(
                        MessageBundles.checkFile(file, root.relativize(file).toString()));
                checkedMessageFiles++;
            }
        }
        return problems;
    }

    int checkedViews() {
        return checkedViews;
    }

    int checkedMessageFiles() {
        return checkedMessageFiles;
    }

    private void checkJelly(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String where = root.relativize(file).toString();
        if (!text.startsWith(HEADER)) {
            problems.add(where + ": does not start with " + HEADER);
        }
        Document document = wellFormed(file, where);
        problems.addAll(new ViewExpressions(classes, where)
                .check(file, document, text, ownerOf(file).map(ViewExpressions::load)));
        String lower = text.toLowerCase(Locale.ROOT);
        for (String forbidden : FORBIDDEN) {
            if (lower.contains(forbidden.toLowerCase(Locale.ROOT))) {
                problems.add(where + ": uses " + forbidden
                        + " (escape build data; put scripts in adjuncts with Behaviour.specify)");
            }
        }
        if (file.getFileName().toString().equals("config.jelly")) {
            Optional<JavaClass> owner = ownerOf(file);
            if (owner.isEmpty()) {
                problems.add(where + ": no class " + classNameOf(file.getParent()) + " for this view");
                return;
            }
            Matcher matcher = FIELD.matcher(text);
            while (matcher.find()) {
                if (!hasProperty(owner.get(), matcher.group(1))) {
                    problems.add(where + ": field '" + matcher.group(1) + "' has no getter on "
                            + owner.get().getName());
                }
                if (!Files.exists(file.resolveSibling("help-" + matcher.group(1) + ".html"))) {
                    problems.add(
                            where + ": field '" + matcher.group(1) + "' has no help-" + matcher.group(1) + ".html");
                }
            }
        }
    }

    /**
     * Jenkins's JEXL is release 1.1 plus the ternary operator {@code a ? b : c}: split a top-level
     * ternary (outside quotes and parentheses) into its three parts, each checked as JEXL 1.1.
     */
    static List<String> ternaryParts(String expression) {
        int depth = 0;
        int question = -1;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && c == '?' && question < 0) {
                question = i;
            } else if (depth == 0 && c == ':' && question >= 0) {
                List<String> parts = new ArrayList<>();
                parts.add(expression.substring(0, question));
                parts.add(expression.substring(question + 1, i));
                parts.addAll(ternaryParts(expression.substring(i + 1)));
                return parts;
            }
        }
        return List.of(expression);
    }

    private void checkHelp(Path file) {
        String where = root.relativize(file).toString();
        Matcher matcher = HELP.matcher(file.getFileName().toString());
        matcher.matches();
        Optional<JavaClass> owner = ownerOf(file);
        if (owner.isEmpty()) {
            problems.add(where + ": no class " + classNameOf(file.getParent()) + " for this help file");
        } else if (!hasProperty(owner.get(), matcher.group(1))) {
            problems.add(where + ": names '" + matcher.group(1) + "', which is not a field of "
                    + owner.get().getName());
        }
    }

    /** The view as XML, or {@code null} (a problem) when it is not well-formed. */
    private Document wellFormed(Path file, String where) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            problems.add(where + ": not well-formed XML: " + e.getMessage());
            return null;
        }
    }

    private Optional<JavaClass> ownerOf(Path view) {
        // A nested class Outer.Inner keeps its views in Outer/Inner/: try Outer$Inner too.
        String candidate = classNameOf(view.getParent());
        while (!classes.contain(candidate)) {
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
        }
        return Optional.of(classes.get(candidate));
    }

    private String classNameOf(Path directory) {
        return root.relativize(directory)
                .toString()
                .replace(directory.getFileSystem().getSeparator(), ".");
    }

    private static boolean hasProperty(JavaClass owner, String property) {
        Set<String> accessors = new TreeSet<>();
        String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        accessors.add("get" + capitalized);
        accessors.add("is" + capitalized);
        for (JavaMethod method : owner.getAllMethods()) {
            if (accessors.contains(method.getName())
                    && method.getRawParameterTypes().isEmpty()
                    && method.getModifiers().contains(JavaModifier.PUBLIC)) {
                return true;
            }
        }
        for (JavaField field : owner.getAllFields()) {
            if (field.getName().equals(property) && field.getModifiers().contains(JavaModifier.PUBLIC)) {
                return true;
            }
        }
        return false;
    }
}
