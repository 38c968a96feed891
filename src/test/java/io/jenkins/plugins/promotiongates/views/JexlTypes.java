package io.jenkins.plugins.promotiongates.views;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl.parser.ASTAddNode;
import org.apache.commons.jexl.parser.ASTArrayAccess;
import org.apache.commons.jexl.parser.ASTDivNode;
import org.apache.commons.jexl.parser.ASTIdentifier;
import org.apache.commons.jexl.parser.ASTMethod;
import org.apache.commons.jexl.parser.ASTModNode;
import org.apache.commons.jexl.parser.ASTMulNode;
import org.apache.commons.jexl.parser.ASTReference;
import org.apache.commons.jexl.parser.ASTSizeFunction;
import org.apache.commons.jexl.parser.ASTSizeMethod;
import org.apache.commons.jexl.parser.ASTStringLiteral;
import org.apache.commons.jexl.parser.ASTSubtractNode;
import org.apache.commons.jexl.parser.ASTUnaryMinusNode;
import org.apache.commons.jexl.parser.Node;
import org.apache.commons.jexl.parser.Parser;

/**
 * What JEXL 1.x, the language Jelly evaluates {@code ${...}} in, does with the members a view names,
 * found from the Java types ({@link Typed}: reflection, following {@code it}, {@code <j:set>} and
 * {@code <j:forEach>} variables and generic element types) and refused where it would not show what
 * the view means:
 *
 * <ul>
 *   <li>{@code x.size()} and {@code size(x)} are JEXL's collection size: on anything but a collection,
 *       map or array whose type is known they give nothing (a {@code long size()} of a record) or a
 *       string's length; expose an {@code int} or text from Java;
 *   <li>arithmetic ({@code + - * / %}) coerces to {@code long} or {@code double} ({@code 5 / 2} is
 *       {@code 2.5}, {@code '1' + '2'} is {@code 3}): compute in Java;
 *   <li>members of a class that is not public, and members that do not exist (a record component
 *       read as a property: {@code row.time} where the record has {@code time()}), give nothing;
 *   <li>a time shown as it is ({@code java.time} or {@code Date} values, or a getter that prints one
 *       with {@code toString()}, which has nanoseconds): format it with {@code DisplayTime}.
 * </ul>
 *
 * Types outside the plugin and the JDK (Jenkins's, seen here through stand-ins) are not judged.
 */
final class JexlTypes {

    private static final String PLUGIN = "io.jenkins.plugins.promotiongates.";
    private static final Set<String> TIME_CLASSES = Set.of(
            "java.time.Instant",
            "java.time.LocalDateTime",
            "java.time.ZonedDateTime",
            "java.time.OffsetDateTime",
            "java.time.LocalTime",
            "java.time.OffsetTime",
            "java.util.Date");

    private final JavaClasses classes;
    private final Map<String, Typed> variables = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private String expression;

    JexlTypes(JavaClasses classes) {
        this.classes = classes;
    }

    void bind(String variable, Typed type) {
        if (type == null) {
            variables.remove(variable);
        } else {
            variables.put(variable, type);
        }
    }

    /** The type of one JEXL 1.1 expression (no ternary), recording problems; {@code null} if unknown. */
    Typed check(String jexl) {
        expression = jexl;
        Node tree;
        try {
            tree = new Parser(new StringReader(";")).parse(new StringReader(jexl + ";"));
        } catch (Exception e) {
            return null; // reported as "not JEXL 1.x" by the caller
        }
        return tree.jjtGetNumChildren() == 1 ? type(tree.jjtGetChild(0)) : null;
    }

    /** Problems found so far, each naming the rule; drained. */
    List<String> problems() {
        List<String> found = List.copyOf(problems);
        problems.clear();
        return found;
    }

    /** Whether values of this type would be shown with every digit of their time. */
    static boolean isRawTime(Typed type) {
        return type != null
                && (TemporalAccessor.class.isAssignableFrom(type.raw())
                        || Date.class.isAssignableFrom(type.raw())
                        || Calendar.class.isAssignableFrom(type.raw()));
    }

    private Typed type(Node node) {
        if (node instanceof ASTReference) {
            return reference(node);
        }
        if (node instanceof ASTAddNode
                || node instanceof ASTSubtractNode
                || node instanceof ASTMulNode
                || node instanceof ASTDivNode
                || node instanceof ASTModNode
                || node instanceof ASTUnaryMinusNode) {
            problem("computes with + - * / %, which JEXL 1.x does in long or double ('5 / 2' is 2.5,"
                    + " \"'1' + '2'\" is 3): compute it in Java and show the result");
            children(node);
            return null;
        }
        if (node instanceof ASTSizeFunction) {
            Typed of = node.jjtGetNumChildren() == 1 ? type(node.jjtGetChild(0)) : null;
            return size(of, "size(...)");
        }
        if (node instanceof ASTStringLiteral) {
            return Typed.of(String.class);
        }
        if (node.jjtGetNumChildren() == 1
                && node.getClass()
                        .getSimpleName()
                        .matches("AST(Expression|ExpressionExpression|ReferenceExpression)")) {
            return type(node.jjtGetChild(0));
        }
        children(node);
        return null;
    }

    private void children(Node node) {
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            type(node.jjtGetChild(i));
        }
    }

    /** {@code a.b.c().d}: a variable, then properties, methods, {@code size()} and {@code [i]}. */
    private Typed reference(Node reference) {
        Typed current = null;
        String path = "";
        for (int i = 0; i < reference.jjtGetNumChildren(); i++) {
            Node part = reference.jjtGetChild(i);
            if (i == 0) {
                if (part instanceof ASTIdentifier identifier) {
                    path = identifier.getIdentifierString();
                    current = variables.get(path);
                } else {
                    current = type(part);
                }
            } else if (part instanceof ASTIdentifier identifier) {
                String name = identifier.getIdentifierString();
                current = current == null ? null : property(current, name, path);
                path = path + "." + name;
            } else if (part instanceof ASTMethod) {
                String name = ((ASTIdentifier) part.jjtGetChild(0)).getIdentifierString();
                for (int a = 1; a < part.jjtGetNumChildren(); a++) {
                    type(part.jjtGetChild(a));
                }
                current = current == null ? null : method(current, name, part.jjtGetNumChildren() - 1, path);
                path = path + "." + name + "()";
            } else if (part instanceof ASTSizeMethod) {
                current = size(current, path + ".size()");
                path = path + ".size()";
            } else if (part instanceof ASTArrayAccess) {
                for (int a = 1; a < part.jjtGetNumChildren(); a++) {
                    type(part.jjtGetChild(a));
                }
                current = null;
                path = path + "[]";
            } else {
                type(part);
                current = null;
            }
        }
        return current;
    }

    private Typed size(Typed of, String what) {
        if (of == null) {
            problem("calls " + what + " on something whose type this check cannot tell; JEXL 1.x's size()"
                    + " counts only collections, maps and arrays: show a count from Java");
        } else if (!(Collection.class.isAssignableFrom(of.raw())
                || Map.class.isAssignableFrom(of.raw())
                || of.raw().isArray()
                || hasIntSize(of.raw()))) {
            problem("calls " + what + " on " + of.raw().getName() + ", which is not a collection, map or array:"
                    + " JEXL 1.x's size() gives nothing for a long size() and a string's length for text;"
                    + " expose the count from Java (an int, or text)");
        }
        return Typed.of(int.class);
    }

    private static boolean hasIntSize(Class<?> type) {
        if (type == String.class) {
            return false;
        }
        try {
            return type.getMethod("size").getReturnType() == int.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private Typed property(Typed owner, String name, String path) {
        if (!accessible(owner, path + "." + name)) {
            return null;
        }
        if (Map.class.isAssignableFrom(owner.raw())) {
            return null;
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : methods(owner.raw())) {
            if (method.getParameterCount() == 0
                    && (method.getName().equals("get" + capitalized)
                            || method.getName().equals("is" + capitalized))) {
                return member(owner, method);
            }
        }
        try {
            Field field = owner.raw().getField(name);
            return Typed.resolve(field.getGenericType(), owner);
        } catch (NoSuchFieldException | LinkageError e) {
            // not a field either
        }
        for (Method method : methods(owner.raw())) {
            if (method.getName().equals("get")
                    && method.getParameterCount() == 1
                    && method.getParameterTypes()[0] == String.class) {
                return null; // JEXL reads it as get("name")
            }
        }
        if (judged(owner.raw())) {
            boolean accessor =
                    methods(owner.raw()).stream().anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == 0);
            problem("reads " + path + "." + name + ", but " + owner.raw().getName() + " has no get" + capitalized
                    + "() or is" + capitalized + "(), so JEXL 1.x shows nothing"
                    + (accessor ? " (a record component is read with " + name + "())" : ""));
        }
        return null;
    }

    private Typed method(Typed owner, String name, int arity, String path) {
        if (!accessible(owner, path + "." + name + "()")) {
            return null;
        }
        List<Method> candidates = new ArrayList<>();
        for (Method method : methods(owner.raw())) {
            if (method.getName().equals(name) && method.getParameterCount() == arity) {
                candidates.add(method);
            }
        }
        if (candidates.isEmpty()) {
            if (judged(owner.raw())) {
                problem("calls " + path + "." + name + "() with " + arity + " argument(s), but "
                        + owner.raw().getName() + " has no such public method, so JEXL 1.x shows nothing");
            }
            return null;
        }
        return candidates.size() == 1 ? member(owner, candidates.get(0)) : null;
    }

    /** JEXL 1.x finds no method of a class that is not public (it shows nothing). */
    private boolean accessible(Typed owner, String what) {
        if (!Modifier.isPublic(owner.raw().getModifiers()) && !owner.raw().isArray()) {
            problem("reads " + what + " of " + owner.raw().getName() + ", which is not public: JEXL 1.x"
                    + " finds none of its methods and shows nothing; make the class public");
            return false;
        }
        return true;
    }

    private Typed member(Typed owner, Method method) {
        printsRawTime(method);
        return Typed.resolve(method.getGenericReturnType(), owner);
    }

    /** A plugin method that shows a {@code java.time} value with {@code toString()}. */
    private void printsRawTime(Method method) {
        String owner = method.getDeclaringClass().getName();
        if (!owner.startsWith(PLUGIN) || !classes.contain(owner)) {
            return;
        }
        for (JavaMethod candidate : classes.get(owner).getMethods()) {
            if (candidate.getName().equals(method.getName())
                    && candidate.getRawParameterTypes().size() == method.getParameterCount()) {
                for (JavaMethodCall call : candidate.getMethodCallsFromSelf()) {
                    if (call.getName().equals("toString")
                            && TIME_CLASSES.contains(call.getTargetOwner().getName())) {
                        problem("shows " + owner + "." + method.getName() + "(), which prints a time with "
                                + call.getTargetOwner().getSimpleName() + ".toString() (every nanosecond):"
                                + " format it with DisplayTime");
                    }
                }
            }
        }
    }

    private static List<Method> methods(Class<?> type) {
        try {
            return List.of(type.getMethods());
        } catch (LinkageError e) {
            return List.of();
        }
    }

    /** Whether missing members of this class are reported: the plugin's and the JDK's, not Jenkins's stand-ins. */
    private static boolean judged(Class<?> type) {
        String name = type.getName();
        return name.startsWith(PLUGIN) || name.startsWith("java.");
    }

    private void problem(String rule) {
        problems.add("${" + expression + "} " + rule);
    }
}
