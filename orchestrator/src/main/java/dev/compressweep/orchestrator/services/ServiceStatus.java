package dev.compressweep.orchestrator.services;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * What became of one service that {@code compressweep} runs itself, told from its folder, its record and its
 * address: {@code services status} prints {@link #describe()}, {@code services stop} {@link #describeStop()}.
 * Immutable.
 *
 * @param name the service's name ({@code kafka}, {@code mlflow})
 * @param state what was found
 * @param pid the process using the folder ({@link State#RUNNING}, {@link State#UNHEALTHY}), the pid the stale
 *     record names ({@link State#STALE}, {@link State#FOREIGN}), or 0 ({@link State#STOPPED})
 * @param address where the service listens or was recorded to listen, or null when nothing says
 * @param folder the service's folder: its data, configuration, log and lock file
 */
public record ServiceStatus(String name, State state, long pid, String address, Path folder) {

    /** What was found of a service. */
    public enum State {
        /** A live process uses the folder and answers at its address. */
        RUNNING,
        /** Neither a live process using the folder nor a record. */
        STOPPED,
        /** A record whose process has exited or is another program now; nothing uses the folder. */
        STALE,
        /** A live process uses the folder but does not answer at its address. */
        UNHEALTHY,
        /** A stale record whose address another program answers on; nothing uses the folder. */
        FOREIGN
    }

    public ServiceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(folder, "folder");
        if ((state == State.STOPPED) != (pid == 0) || pid < 0) {
            throw new IllegalArgumentException("a service's pid must be 0 exactly when it is stopped and > 0"
                    + " otherwise, but got pid " + pid + " for " + name + " " + state);
        }
        if (address == null && state != State.STOPPED && state != State.UNHEALTHY) {
            throw new IllegalArgumentException("a " + state + " service must have an address, but " + name
                    + " has none");
        }
    }

    /** A service with neither a live process on {@code folder} nor a record. */
    static ServiceStatus stopped(String name, Path folder) {
        return new ServiceStatus(name, State.STOPPED, 0, null, folder);
    }

    /**
     * One line for {@code services status}, e.g.
     * {@code kafka  running   pid 4242 at 127.0.0.1:19092, data in /p/.local/services/kafka}.
     */
    public String describe() {
        return String.format("%-6s %-9s %s", name, state.name().toLowerCase(Locale.ROOT), detail());
    }

    /** What was found, without the name and state, e.g. {@code pid 4242 at 127.0.0.1:19092, data in /p/kafka}. */
    String detail() {
        return switch (state) {
            case RUNNING -> "pid " + pid + " at " + address + ", data in " + folder;
            case STOPPED -> "data in " + folder;
            case STALE -> "the record names pid " + pid + ", which has exited or is another program now;"
                    + " nothing uses " + folder;
            case UNHEALTHY -> "pid " + pid + " uses " + folder + " but "
                    + (address == null ? "nothing says where it listens" : "does not answer at " + address);
            case FOREIGN -> address + " is taken by another program; the record names pid " + pid
                    + ", which has exited or is another program now, and nothing uses " + folder;
        };
    }

    /** One line for {@code services stop}, saying what stopping a service in this state did. */
    public String describeStop() {
        return switch (state) {
            case RUNNING, UNHEALTHY -> "stopped " + name + " (pid " + pid + ", data in " + folder + ")";
            case STOPPED -> name + " was not running";
            case STALE -> "removed the stale record of " + name + " (pid " + pid + " no longer runs it)";
            case FOREIGN -> "removed the stale record of " + name + " (pid " + pid + " no longer runs it); left"
                    + " the other program on " + address + " alone";
        };
    }
}
