package dev.usersession.internal.state;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Decides at deployment whether JSON-B can write a field's type and read it back to an equal value. Checked before
 * any request runs, so that a bean that could not be stored fails the deployment instead of losing state later.
 */
final class StateTypeRules {

    private static final Set<Class<?>> VALUE_TYPES = Set.of(
            String.class,
            Boolean.class,
            Character.class,
            Byte.class,
            Short.class,
            Integer.class,
            Long.class,
            Float.class,
            Double.class,
            BigDecimal.class,
            BigInteger.class,
            Date.class,
            Calendar.class,
            TimeZone.class,
            UUID.class,
            URI.class,
            URL.class,
            OptionalInt.class,
            OptionalLong.class,
            OptionalDouble.class);

    private final Set<Class<?>> checked = new HashSet<>();

    /** @return why the type cannot be stored, or {@code null} when it can */
    static String problemWith(Type type) {
        return new StateTypeRules().check(type);
    }

    private String check(Type type) {
        if (type instanceof Class<?> type1) {
            return checkClass(type1);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class) {
                String problem = checkContainer(raw);
                for (Type argument : parameterized.getActualTypeArguments()) {
                    problem = problem != null ? problem : check(argument);
                }
                return problem;
            }
            return checkClass(raw);
        }
        if (type instanceof GenericArrayType array) {
            return check(array.getGenericComponentType());
        }
        if (type instanceof TypeVariable<?> || type instanceof WildcardType) {
            return "the type " + type.getTypeName() + " is not concrete: JSON-B cannot tell what to read back";
        }
        return "the type " + type.getTypeName() + " is not supported";
    }

    private String checkClass(Class<?> type) {
        if (type.isPrimitive()
                || type.isEnum()
                || VALUE_TYPES.contains(type)
                || type.getPackageName().equals("java.time")) {
            return null;
        }
        if (type.isArray()) {
            return check(type.getComponentType());
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type == Optional.class) {
            return "the type " + type.getName() + " is a raw collection: give its element types";
        }
        if (type == Object.class) {
            return "the type Object says nothing about what to read back";
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return "the type " + type.getName()
                    + " is an interface or abstract: JSON-B cannot tell which class to create";
        }
        if (type.getPackageName().startsWith("java.")
                || type.getPackageName().startsWith("javax.")
                || type.getPackageName().startsWith("jakarta.")) {
            return "the type " + type.getName() + " has no JSON mapping";
        }
        if (!checked.add(type)) {
            return null;
        }
        if (type.isRecord()) {
            if (!Modifier.isPublic(type.getModifiers())) {
                return "the record " + type.getName() + " is not public: JSON-B cannot call its constructor";
            }
            for (var component : type.getRecordComponents()) {
                String problem = check(component.getGenericType());
                if (problem != null) {
                    return "in " + type.getSimpleName() + "." + component.getName() + ": " + problem;
                }
            }
            return null;
        }
        return checkObject(type);
    }

    private String checkObject(Class<?> type) {
        try {
            int modifiers = type.getDeclaredConstructor().getModifiers();
            if (!Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers)) {
                return "the constructor without arguments of " + type.getName() + " must be public or protected";
            }
        } catch (NoSuchMethodException e) {
            return "the type " + type.getName() + " has no constructor without arguments (a static nested or top-level "
                    + "class with one, or a public record, can be stored)";
        }
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                String problem = check(field.getGenericType());
                if (problem != null) {
                    return "in " + level.getSimpleName() + "." + field.getName() + ": " + problem;
                }
            }
        }
        return null;
    }

    private static String checkContainer(Class<?> raw) {
        if (raw.isInterface() || raw == Optional.class) {
            return null;
        }
        try {
            raw.getConstructor();
            return null;
        } catch (NoSuchMethodException e) {
            return "the collection type " + raw.getName() + " has no public constructor without arguments";
        }
    }
}
