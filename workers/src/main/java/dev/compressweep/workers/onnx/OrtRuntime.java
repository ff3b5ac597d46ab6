package dev.compressweep.workers.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;

/**
 * The process's one ONNX Runtime environment (created on first use, warnings and errors logged, telemetry
 * off; it lives as long as the JVM) and the runtime's version. Thread-safe.
 *
 * <p>Set {@code ORT_DISABLE_TELEMETRY=1} in the environment of JVMs that load the runtime: some releases
 * (1.29.0) crash while starting their telemetry when the command line is long, before this class can
 * turn it off.
 */
public final class OrtRuntime {

    private OrtRuntime() {}

    private static final class Holder {
        static final OrtEnvironment ENVIRONMENT = create();

        private static OrtEnvironment create() {
            OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
                    "compressweep");
            try {
                env.setTelemetry(false);
            } catch (OrtException e) {
                throw new OnnxException("cannot turn ONNX Runtime's telemetry off: " + e.getMessage(), e);
            }
            return env;
        }
    }

    /** The shared environment; never close it. */
    public static OrtEnvironment environment() {
        return Holder.ENVIRONMENT;
    }

    /** The loaded runtime's version, e.g. {@code 1.28.0}. */
    public static String version() {
        return environment().getVersion();
    }
}
