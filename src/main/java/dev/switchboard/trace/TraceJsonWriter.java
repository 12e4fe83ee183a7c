package dev.switchboard.trace;

import dev.switchboard.sim.Distribution;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Writes every trace event as one line of JSON (JSON Lines): {@code type} is the event's record
 * name, then its components in declaration order. Enums with a {@code key()} (services, links,
 * styles, outcomes) are written by key, others by name; distributions in the flow-file form;
 * numbers with at most 6 decimals, so the same run writes the same bytes on every JVM.
 */
public final class TraceJsonWriter implements TraceListener, Flushable, Closeable {
    static final int DECIMALS = 6;

    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Field[] fields = new Field[components.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (int i = 0; i < components.length; i++) {
                Class<?> valueType = components[i].getType();
                Class<?> readType = valueType == double.class || valueType == long.class || valueType == int.class
                        || valueType == boolean.class ? valueType : Object.class;
                try {
                    MethodHandle getter = lookup.unreflect(components[i].getAccessor())
                            .asType(MethodType.methodType(readType, Object.class));
                    fields[i] = new Field(components[i].getName(), readType, getter);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + components[i].getName() + " of " + type, e);
                }
            }
            return fields;
        }
    };

    private static final ClassValue<Method> ENUM_KEY = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method key = type.getMethod("key");
                return key.getReturnType() == String.class && !Modifier.isStatic(key.getModifiers()) ? key : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    /** One record component: its name and a getter typed so primitives are read without boxing. */
    private record Field(String name, Class<?> readType, MethodHandle getter) {
    }

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);
    private char[] chars = new char[256];
    private long written;

    public TraceJsonWriter(Writer out) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
    }

    /** Creates (or replaces) {@code file} and writes the trace into it as UTF-8. */
    public static TraceJsonWriter open(Path file) throws IOException {
        return new TraceJsonWriter(new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16));
    }

    /** The JSON line of one event, without the line break. */
    public static String toJson(TraceEvent event) {
        StringBuilder sb = new StringBuilder(256);
        appendRecord(sb, (Record) event, true);
        return sb.toString();
    }

    @Override
    public void onEvent(TraceEvent event) {
        line.setLength(0);
        appendRecord(line, (Record) event, true);
        line.append('\n');
        int length = line.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        // copying into a reused array spares the String that Writer.append(CharSequence) would make
        line.getChars(0, length, chars, 0);
        try {
            out.write(chars, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the trace: " + e.getMessage(), e);
        }
        written++;
    }

    /** Events written so far. */
    public long written() {
        return written;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static void appendRecord(StringBuilder sb, Record value, boolean withType) {
        sb.append('{');
        boolean first = true;
        if (withType) {
            sb.append("\"type\":");
            JsonText.appendString(sb, value.getClass().getSimpleName());
            first = false;
        }
        for (Field field : FIELDS.get(value.getClass())) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('"').append(field.name()).append("\":");
            appendField(sb, field, value);
        }
        sb.append('}');
    }

    private static void appendField(StringBuilder sb, Field field, Record value) {
        try {
            Class<?> type = field.readType();
            if (type == double.class) {
                JsonText.appendNumber(sb, (double) field.getter().invokeExact((Object) value), DECIMALS);
            } else if (type == long.class) {
                sb.append((long) field.getter().invokeExact((Object) value));
            } else if (type == int.class) {
                sb.append((int) field.getter().invokeExact((Object) value));
            } else if (type == boolean.class) {
                sb.append((boolean) field.getter().invokeExact((Object) value));
            } else {
                appendValue(sb, (Object) field.getter().invokeExact((Object) value));
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("reading " + field.name() + " of " + value.getClass() + " failed", e);
        }
    }

    private static void appendValue(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Double d) {
            JsonText.appendNumber(sb, d, DECIMALS);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Float f) {
            JsonText.appendNumber(sb, f, DECIMALS);
        } else if (value instanceof String s) {
            JsonText.appendString(sb, s);
        } else if (value instanceof Enum<?> e) {
            JsonText.appendString(sb, enumName(e));
        } else if (value instanceof Distribution d) {
            appendDistribution(sb, d);
        } else if (value instanceof Record r) {
            // commands are a family like events, so a reader needs to know which one it got
            appendRecord(sb, r, value instanceof Command);
        } else if (value instanceof Collection<?> items) {
            sb.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                appendValue(sb, item);
            }
            sb.append(']');
        } else {
            JsonText.appendString(sb, String.valueOf(value));
        }
    }

    /** The flow-file form, e.g. {@code {"uniform":[300,900]}}, with this writer's number format. */
    private static void appendDistribution(StringBuilder sb, Distribution d) {
        if (d instanceof Distribution.Fixed f) {
            sb.append("{\"fixed\":");
            JsonText.appendNumber(sb, f.valueMs(), DECIMALS);
        } else if (d instanceof Distribution.Exponential e) {
            sb.append("{\"exponential\":");
            JsonText.appendNumber(sb, e.meanMs(), DECIMALS);
        } else if (d instanceof Distribution.Uniform u) {
            sb.append("{\"uniform\":");
            pair(sb, u.minMs(), u.maxMs());
        } else if (d instanceof Distribution.Normal n) {
            sb.append("{\"normal\":");
            pair(sb, n.mean(), n.stddevMs());
        } else {
            appendRecord(sb, (Record) d, true);
            return;
        }
        sb.append('}');
    }

    private static void pair(StringBuilder sb, double a, double b) {
        sb.append('[');
        JsonText.appendNumber(sb, a, DECIMALS);
        sb.append(',');
        JsonText.appendNumber(sb, b, DECIMALS);
        sb.append(']');
    }

    private static String enumName(Enum<?> e) {
        Method key = ENUM_KEY.get(e.getDeclaringClass());
        if (key == null) {
            return e.name();
        }
        try {
            return (String) key.invoke(e);
        } catch (IllegalAccessException | InvocationTargetException ex) {
            return e.name();
        }
    }
}
