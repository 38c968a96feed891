package io.jenkins.plugins.promotiongates.views;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** The {@code ${...}} of one view, in document order, checked by {@link JexlTypes} and {@link MessageBundles}. */
final class ViewExpressions {

    /** Jelly's own tags, whose attributes are evaluated, not written into the page. */
    private static final Set<String> JELLY_NAMESPACES = Set.of("jelly:core", "jelly:stapler", "jelly:define");

    private final JavaClasses classes;
    private final String where;
    private final List<String> problems = new ArrayList<>();

    ViewExpressions(JavaClasses classes, String where) {
        this.classes = classes;
        this.where = where;
    }

    /**
     * Every {@code ${...}} must parse as JEXL 1.x, the language Jelly evaluates it in, and use only
     * what JEXL 1.x evaluates as meant ({@link JexlTypes}); every {@code ${%...}} must be a message
     * Stapler renders as meant ({@link MessageBundles}). Variables are followed in document order:
     * {@code it} is the view's class, {@code <j:set>} and {@code <j:forEach>} bind the others.
     */
    List<String> check(Path file, Document document, String text, Optional<Class<?>> owner) throws IOException {
        JexlTypes types = new JexlTypes(classes);
        owner.ifPresent(type -> types.bind("it", Typed.of(type)));
        Properties messages = MessageBundles.load(MessageBundles.of(file));
        String messagesFile = MessageBundles.of(file).getFileName().toString();
        if (document == null) {
            expressionsIn(text, true, types, messages, messagesFile);
        } else {
            walk(document.getDocumentElement(), types, messages, messagesFile);
        }
        return problems;
    }

    private void walk(Element element, JexlTypes types, Properties messages, String messagesFile) {
        boolean jelly = JELLY_NAMESPACES.contains(String.valueOf(element.getNamespaceURI()));
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            expressionsIn(attributes.item(i).getNodeValue(), !jelly, types, messages, messagesFile);
        }
        if ("jelly:core".equals(element.getNamespaceURI()) && element.hasAttribute("var")) {
            String var = element.getAttribute("var");
            if (element.getLocalName().equals("set")) {
                types.bind(var, single(element.getAttribute("value"), types));
            } else if (element.getLocalName().equals("forEach")) {
                types.bind(var, Typed.elementOf(single(element.getAttribute("items"), types)));
            }
            types.problems(); // already reported with the attribute
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walk(childElement, types, messages, messagesFile);
            } else if (child.getNodeType() == Node.TEXT_NODE) {
                expressionsIn(child.getNodeValue(), true, types, messages, messagesFile);
            }
        }
    }

    /** The type of an attribute that is exactly one {@code ${...}}, or {@code null}. */
    private static Typed single(String value, JexlTypes types) {
        Matcher matcher = ViewChecker.EXPRESSION.matcher(value);
        if (!matcher.matches()
                || matcher.group(1).startsWith("%")
                || ViewChecker.ternaryParts(matcher.group(1)).size() > 1) {
            return null;
        }
        return types.check(matcher.group(1));
    }

    private void expressionsIn(String text, boolean shown, JexlTypes types, Properties messages, String messagesFile) {
        Matcher matcher = ViewChecker.EXPRESSION.matcher(text);
        while (matcher.find()) {
            String expression = matcher.group(1);
            List<String> found = new ArrayList<>();
            if (expression.startsWith("%")) {
                for (String argument : MessageBundles.checkUse(expression, messages, messagesFile, found)) {
                    jexl(argument, expression, true, types, found);
                }
            } else {
                jexl(expression, expression, shown, types, found);
            }
            problems.addAll(prefixed(found));
            problems.addAll(prefixed(types.problems()));
        }
    }

    /** Checks one JEXL expression (a ternary part by part); {@code shown} if its value is written out. */
    private static void jexl(String jexl, String expression, boolean shown, JexlTypes types, List<String> found) {
        List<String> parts = ViewChecker.ternaryParts(jexl);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            try {
                org.apache.commons.jexl.ExpressionFactory.createExpression(part);
            } catch (Exception e) {
                found.add("${" + expression + "} is not JEXL 1.x: " + e.getMessage());
                continue;
            }
            Typed type = types.check(part.trim());
            boolean value = parts.size() == 1 || i > 0;
            if (shown && value && JexlTypes.isRawTime(type)) {
                found.add("${" + expression + "} shows a " + type.raw().getName()
                        + " as it is (with every nanosecond): show DisplayTime's text from Java");
            }
        }
    }

    private List<String> prefixed(List<String> found) {
        List<String> lines = new ArrayList<>();
        for (String problem : found) {
            lines.add(where + ": " + problem);
        }
        return lines;
    }

    static Class<?> load(JavaClass owner) {
        try {
            return Class.forName(owner.getName(), false, ViewExpressions.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
