package dev.switchboard.trace;

import dev.switchboard.flow.BeatCommand;
import dev.switchboard.flow.CommandSyntax;
import dev.switchboard.flow.FlowException;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's {@link Command}s in the words of a file ({@link CommandSyntax}): a command is named
 * after its record with a small first letter ({@code "setSlowdown"} is {@link Command.SetSlowdown})
 * and its fields are the record's components, so the file form of every command follows from the
 * sealed interface and a new command record needs only its line in {@link CommandSyntax}.
 */
public final class Commands {

    private Commands() {
    }

    /** The file's name of a command record: {@code setSlowdown}. */
    public static String name(Class<? extends Command> record) {
        String simple = record.getSimpleName();
        return simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
    }

    /** The command as a file writes it, arguments by component name. */
    public static BeatCommand toFile(Command command) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            try {
                arguments.put(component.getName(), component.getAccessor().invoke(command));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + command, e);
            }
        }
        return new BeatCommand(name(command.getClass()), arguments);
    }

    /**
     * The engine command a file's command names, built by the record's own constructor: a value it
     * refuses throws {@link IllegalArgumentException} with its sentence.
     */
    public static Command fromFile(BeatCommand command) {
        Class<?> record = Arrays.stream(Command.class.getPermittedSubclasses())
                .filter(c -> name(c.asSubclass(Command.class)).equals(command.command()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown command \"" + command.command() + "\""));
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String field = components[i].getName();
            if (!command.arguments().containsKey(field)) {
                throw new IllegalArgumentException(command.command() + " needs \"" + field + "\"");
            }
            arguments[i] = command.arguments().get(field);
        }
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(types);
            return (Command) canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + record.getSimpleName(), e);
        }
    }

    /** {@link #fromFile}, with a refused value reported at the command's place in its file. */
    public static Command fromFilePlaced(BeatCommand command) throws FlowException {
        try {
            return fromFile(command);
        } catch (IllegalArgumentException | NullPointerException | ClassCastException refused) {
            throw command.problem(refused.getMessage() == null ? "is not allowed" : refused.getMessage());
        }
    }

    /** Every command record, in the order the sealed interface permits them. */
    public static List<Class<? extends Command>> records() {
        List<Class<? extends Command>> records = new java.util.ArrayList<>();
        for (Class<?> c : Command.class.getPermittedSubclasses()) {
            records.add(c.asSubclass(Command.class));
        }
        return List.copyOf(records);
    }
}
