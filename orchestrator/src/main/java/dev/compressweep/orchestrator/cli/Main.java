package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.orchestrator.services.ServiceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code compressweep} command line. A problem the user can fix (a broken sweep file, a missing
 * data set, a server that is down) is printed as one line and exits with 2; any other failure prints
 * one line, exits with 1 and leaves its stack trace in {@code .local/logs/last-error.log}.
 */
@Command(name = "compressweep", mixinStandardHelpOptions = true, version = "compressweep 0.1.0",
        description = "Finds the best compressed version of a neural network by running distributed sweeps.",
        subcommands = {RunCommand.class, ValidateCommand.class, ReportCommand.class, ServicesCommand.class,
                SinkCommand.class})
public final class Main {

    /** Exit code for problems the user can fix. */
    static final int USER_ERROR = 2;
    /** Exit code for failures of the sweep or the tool itself. */
    static final int FAILURE = 1;

    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args));
    }

    /**
     * Applies this application's logging configuration (warnings, Spark and Kafka errors only), also when
     * spark-submit started the JVM with Spark's default profile (INFO) before the application jar was loaded.
     */
    private static void quietLogging() {
        URL config = Main.class.getResource("/log4j2.properties");
        if (config != null) {
            try {
                Configurator.reconfigure(config.toURI());
            } catch (URISyntaxException e) {
                System.err.println("compressweep: cannot apply the logging configuration " + config + ": " + e);
            }
        }
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, line, parsed) -> report(e));
        return cli.execute(args);
    }

    private static int report(Exception e) {
        if (e instanceof UserError || e instanceof ServiceException) {
            System.err.println("compressweep: error: " + e.getMessage());
            return USER_ERROR;
        }
        Path log = Path.of(System.getProperty("compressweep.home", "."), ".local", "logs", "last-error.log");
        try {
            Files.createDirectories(log.getParent());
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            Files.writeString(log, trace.toString());
        } catch (IOException ignored) {
            log = null;
        }
        System.err.println("compressweep: failed: " + e.getMessage()
                + (log == null ? "" : " (details in " + log + ")"));
        return FAILURE;
    }
}
