package io.jenkins.plugins.promotiongates.docs;

import java.beans.Introspector;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The properties a data-bound class accepts, as structs' DescribableModel and Configuration as Code
 * see them: the {@code @DataBoundConstructor}'s parameters (required) and the
 * {@code @DataBoundSetter}s (optional), each with its type, and how a literal is coerced to it.
 *
 * <p>The offline build does not compile with {@code -parameters} and has no Stapler annotation
 * processor, so the constructor's parameter names are read from its source, as that processor does.
 */
final class DataBoundModel {

    final Class<?> type;
    /** The {@code @DataBoundConstructor}; null for a GlobalConfiguration, which has setters only. */
    final Constructor<?> constructor;

    final Map<String, Type> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();

    private DataBoundModel(Class<?> type, Constructor<?> constructor) {
        this.type = type;
        this.constructor = constructor;
    }

    static DataBoundModel of(Class<?> type) throws IOException {
        Constructor<?> constructor = null;
        for (Constructor<?> candidate : type.getConstructors()) {
            if (candidate.isAnnotationPresent(DataBoundConstructor.class)) {
                constructor = candidate;
            }
        }
        DataBoundModel model = new DataBoundModel(type, constructor);
        List<String> names = constructor == null ? List.of() : constructorParameterNames(type);
        Type[] types = constructor == null ? new Type[0] : constructor.getGenericParameterTypes();
        if (names.size() != types.length) {
            throw new AssertionError(type.getName() + ": read " + names + " from the source for " + types.length
                    + " constructor parameters");
        }
        for (int i = 0; i < types.length; i++) {
            model.properties.put(names.get(i), types[i]);
            model.required.add(names.get(i));
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                if (!method.getName().startsWith("set") || method.getParameterCount() != 1) {
                    throw new AssertionError(method + " cannot be a @DataBoundSetter");
                }
                model.properties.put(
                        Introspector.decapitalize(method.getName().substring(3)), method.getGenericParameterTypes()[0]);
            }
        }
        return model;
    }

    private static List<String> constructorParameterNames(Class<?> type) throws IOException {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        Path source =
                Sources.root().resolve("src/main/java").resolve(top.getName().replace('.', '/') + ".java");
        String text = Files.readString(source, StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile(
                        "@DataBoundConstructor\\s+public\\s+" + type.getSimpleName() + "\\s*\\(([^)]*)\\)")
                .matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no @DataBoundConstructor of " + type.getSimpleName() + " in " + source);
        }
        List<String> names = new ArrayList<>();
        for (String parameter : matcher.group(1).split(",")) {
            String[] words = parameter.trim().split("\\s+");
            if (!parameter.isBlank()) {
                names.add(words[words.length - 1]);
            }
        }
        return names;
    }

    /**
     * The concrete classes under src/main/java that extend {@code base} directly, as Jenkins finds the
     * descriptors of a list of several kinds.
     */
    static List<Class<?>> subtypes(Class<?> base) throws IOException, ClassNotFoundException {
        Path sources = Sources.root().resolve("src/main/java");
        Pattern extendsBase = Pattern.compile("\\bextends\\s+" + base.getSimpleName() + "\\b");
        List<Class<?>> kinds = new ArrayList<>();
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            if (extendsBase
                    .matcher(Files.readString(file, StandardCharsets.UTF_8))
                    .find()) {
                String name =
                        sources.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                Class<?> kind = Class.forName(name);
                if (base.isAssignableFrom(kind) && !java.lang.reflect.Modifier.isAbstract(kind.getModifiers())) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }

    /** The setter of an optional property. */
    Method setter(String property) {
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)
                    && Introspector.decapitalize(method.getName().substring(3)).equals(property)) {
                return method;
            }
        }
        throw new AssertionError(type.getSimpleName() + " has no setter for " + property);
    }

    /** The raw class of a property's type. */
    static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return (Class<?>) type;
    }

    /** The element type of a {@code List<X>} property. */
    static Type element(Type type) {
        return type instanceof ParameterizedType parameterized
                ? parameterized.getActualTypeArguments()[0]
                : Object.class;
    }
}
