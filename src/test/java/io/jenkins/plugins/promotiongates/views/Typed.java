package io.jenkins.plugins.promotiongates.views;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Java type of a value a view names, with its generic arguments, so that {@code Optional<T>.get()}
 * and the elements of a {@code List<T>} have a type: reflection with type variables bound from the
 * receiver's type and its supertypes.
 */
record Typed(Class<?> raw, Type type) {

    static Typed of(Class<?> type) {
        return new Typed(type, type);
    }

    /** The element type of something {@code <j:forEach>} iterates, or {@code null}. */
    static Typed elementOf(Typed type) {
        if (type == null) {
            return null;
        }
        if (type.raw().isArray()) {
            return type.type() instanceof GenericArrayType array
                    ? typed(array.getGenericComponentType())
                    : Typed.of(type.raw().getComponentType());
        }
        if (Iterable.class.isAssignableFrom(type.raw())) {
            Type element = bindings(type.type()).get(Iterable.class.getTypeParameters()[0]);
            return element == null ? null : typed(element);
        }
        return null;
    }

    static Typed resolve(Type type, Typed owner) {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings(owner.type()).get(variable);
            return bound == null ? typed(variable) : typed(bound);
        }
        return typed(type);
    }

    static Typed typed(Type type) {
        if (type instanceof Class<?> plain) {
            return Typed.of(plain);
        }
        if (type instanceof ParameterizedType parameterized) {
            return new Typed((Class<?>) parameterized.getRawType(), parameterized);
        }
        if (type instanceof WildcardType wildcard) {
            return typed(wildcard.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> variable) {
            Type bound = variable.getBounds()[0];
            return bound == Object.class ? null : typed(bound);
        }
        if (type instanceof GenericArrayType array) {
            return new Typed(Object[].class, array);
        }
        return null;
    }

    /** The type arguments of {@code type} and of all its supertypes, by type variable. */
    static Map<TypeVariable<?>, Type> bindings(Type type) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        collect(type, bindings, new HashSet<>());
        return bindings;
    }

    private static void collect(Type type, Map<TypeVariable<?>, Type> bindings, Set<Class<?>> seen) {
        Class<?> raw;
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length && i < arguments.length; i++) {
                Type argument = arguments[i];
                bindings.putIfAbsent(
                        variables[i], argument instanceof TypeVariable<?> v ? bindings.getOrDefault(v, v) : argument);
            }
        } else if (type instanceof Class<?> plain) {
            raw = plain;
        } else {
            return;
        }
        if (!seen.add(raw)) {
            return;
        }
        if (raw.getGenericSuperclass() != null) {
            collect(raw.getGenericSuperclass(), bindings, seen);
        }
        for (Type supertype : raw.getGenericInterfaces()) {
            collect(supertype, bindings, seen);
        }
    }
}
