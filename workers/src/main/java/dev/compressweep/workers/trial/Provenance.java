package dev.compressweep.workers.trial;

import ai.djl.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provenance tags every trial event carries: seed, threads, JVM, OS, DJL and engine, data set, chain
 * and where the trial ran (the {@value #TAG_PROPERTY_PREFIX}* system properties its launcher set, such as
 * the Spark host and executor). Values are strings, as events carry tags.
 */
public final class Provenance {

    /** System properties with this prefix become tags (the rest of the name is the tag): where a trial ran. */
    public static final String TAG_PROPERTY_PREFIX = "compressweep.tag.";

    private Provenance() {}

    /** Tags known before any engine is loaded. */
    public static Map<String, String> base(TrialSpec spec) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("role", spec.role().name().toLowerCase());
        tags.put("chain", spec.chain().isEmpty() ? "none" : String.join(">", spec.chain()));
        tags.put("seed", Long.toString(spec.seed()));
        tags.put("threads", Integer.toString(spec.threads()));
        tags.put("dataset", spec.dataset().name());
        tags.put("dataset.train_subset", Integer.toString(spec.dataset().trainSubset()));
        tags.put("dataset.test_subset", Integer.toString(spec.dataset().testSubset()));
        tags.put("java.version", System.getProperty("java.version"));
        tags.put("java.vendor", System.getProperty("java.vendor"));
        tags.put("os.name", System.getProperty("os.name"));
        tags.put("os.arch", System.getProperty("os.arch"));
        tags.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        tags.put("djl.version", Engine.getDjlVersion());
        String version = Provenance.class.getPackage().getImplementationVersion();
        tags.put("workers.version", version == null ? "development" : version);
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith(TAG_PROPERTY_PREFIX)).sorted()
                .forEach(n -> tags.put(n.substring(TAG_PROPERTY_PREFIX.length()), System.getProperty(n)));
        return tags;
    }

    /** The engine's name and version; loads the engine if it is not loaded yet. */
    public static Map<String, String> engine() {
        Engine engine = Engine.getInstance();
        return Map.of("engine.name", engine.getEngineName(), "engine.version", engine.getVersion());
    }
}
